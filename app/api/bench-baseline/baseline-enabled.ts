// The bare routes `npm run bench:pay` measures the product against (scripts/bench/pay.ts):
// the cheapest a Next route handler on this build can answer, so that the bench can say how
// far the product's own paths are from it in the same run. They exist only for the bench:
// every other server answers them 404, as if they were not there.
import pg from 'pg';

export function baselineRoutesEnabled(): boolean {
  return process.env.BENCH_BASELINE_ROUTES === '1';
}

export function notFound(): Response {
  return new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
}

const globalForBaseline = globalThis as unknown as { benchBaselinePool?: pg.Pool };

/** A plain node-postgres pool (no Prisma), the size of the app's default pool. */
export function baselinePool(): pg.Pool {
  globalForBaseline.benchBaselinePool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  return globalForBaseline.benchBaselinePool;
}
