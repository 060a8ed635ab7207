// Merchant API: POST /orders/{id}/shipment (thin; see server/merchant-api/handlers/order-action-handlers.ts).
import { shipOrderHandler } from '@/server/merchant-api/handlers/order-action-handlers';
import { merchantApiPost } from '@/server/merchant-api/merchant-api-route';
import { walletDeps } from '@/server/wallet/wallet-deps-instance';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return merchantApiPost(await walletDeps(), request, (ctx) => shipOrderHandler(ctx, id));
}
