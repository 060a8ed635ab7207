// Bench baseline: one transfer between two rows of the bench's own table in ONE statement
// through a plain pg pool: what a payment would cost with no checks, rows or events around it
// (baseline-enabled.ts). The bench creates `bench_accounts` and sends the pair.
import { baselinePool, baselineRoutesEnabled, notFound } from '../baseline-enabled';

const TRANSFER_SQL =
  'UPDATE bench_accounts SET balance = balance + CASE WHEN id = $1 THEN -1 ELSE 1 END WHERE id IN ($1, $2)';

export async function POST(request: Request): Promise<Response> {
  if (!baselineRoutesEnabled()) return notFound();
  const url = new URL(request.url);
  const from = Number(url.searchParams.get('from'));
  const to = Number(url.searchParams.get('to'));
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from === to) {
    return new Response('from and to: two different integers', { status: 400 });
  }
  const { rowCount } = await baselinePool().query(TRANSFER_SQL, [from, to]);
  return new Response(rowCount === 2 ? 'ok' : 'no such accounts', { status: rowCount === 2 ? 200 : 404 });
}
