// Merchant API: the daily bill (CSV) of one Asia/Shanghai day.
import { dailyBillHandler } from '@/server/merchant-api/handlers/balance-handlers';
import { merchantApiGet } from '@/server/merchant-api/merchant-api-route';
import { appDeps } from '@/server/core/deps-instance';

export async function GET(request: Request, { params }: { params: Promise<{ date: string }> }): Promise<Response> {
  const { date } = await params;
  return merchantApiGet(await appDeps(), request, (ctx) => dailyBillHandler(ctx, date));
}
