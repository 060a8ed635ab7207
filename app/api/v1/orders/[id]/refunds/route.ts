// Merchant API: POST /orders/{id}/refunds (thin; see server/merchant-api/handlers/order-action-handlers.ts).
import { refundOrderHandler } from '@/server/merchant-api/handlers/order-action-handlers';
import { merchantApiPost } from '@/server/merchant-api/merchant-api-route';
import { appDeps } from '@/server/core/deps-instance';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return merchantApiPost(await appDeps(), request, (ctx) => refundOrderHandler(ctx, id));
}
