// Merchant API: create an order, list orders or find one by merchant_order_no (thin; see server/merchant-api).
import { createOrderHandler, listOrdersHandler } from '@/server/merchant-api/handlers/order-handlers';
import { merchantApiGet, merchantApiPost } from '@/server/merchant-api/merchant-api-route';
import { appDeps } from '@/server/core/deps-instance';

export async function POST(request: Request): Promise<Response> {
  return merchantApiPost(await appDeps(), request, createOrderHandler);
}

export async function GET(request: Request): Promise<Response> {
  return merchantApiGet(await appDeps(), request, listOrdersHandler);
}
