// Merchant API: one order by id (another merchant's is 404).
import { getOrderHandler } from '@/server/merchant-api/handlers/order-handlers';
import { merchantApiGet } from '@/server/merchant-api/merchant-api-route';
import { appDeps } from '@/server/core/deps-instance';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return merchantApiGet(await appDeps(), request, (ctx) => getOrderHandler(ctx, id));
}
