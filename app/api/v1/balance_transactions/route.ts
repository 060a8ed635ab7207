// Merchant API: the merchant balance's statement, newest first, with a cursor.
import { balanceTransactionsHandler } from '@/server/merchant-api/handlers/balance-handlers';
import { merchantApiGet } from '@/server/merchant-api/merchant-api-route';
import { appDeps } from '@/server/core/deps-instance';

export async function GET(request: Request): Promise<Response> {
  return merchantApiGet(await appDeps(), request, balanceTransactionsHandler);
}
