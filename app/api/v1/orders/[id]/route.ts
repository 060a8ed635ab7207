// Merchant API: one order by id (another merchant's is 404).
import { getOrderHandler } from '@/server/merchant-api/handlers/order-handlers';
import { merchantApiGet } from '@/server/merchant-api/merchant-api-route';
import { walletDeps } from '@/server/wallet/wallet-deps-instance';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return merchantApiGet(await walletDeps(), request, (ctx) => getOrderHandler(ctx, id));
}
