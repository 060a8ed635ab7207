// Consuming and reading the counters of RATE_LIMITS with rate-limiter-flexible's
// RateLimiterPostgres: one atomic upsert per try, on a small pool of its own (the table is
// created by a migration, so nothing is created at run time).
import 'server-only';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from '../env';
import { isLimitReached } from './limit-reached';
import { RATE_LIMITS, type RateLimitName } from './rate-limits';

export type RateLimitState = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (at least 1). */
  resetSeconds: number;
};

type Limiters = Record<RateLimitName, RateLimiterPostgres>;

const globalForLimits = globalThis as unknown as { walletRateLimiters?: { url: string; limiters: Limiters } };

function limiters(databaseUrl = env().DATABASE_URL): Limiters {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: rate limits need the database');
  const cached = globalForLimits.walletRateLimiters;
  if (cached?.url === databaseUrl) return cached.limiters;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', (error) => console.error('[rate-limit] pool error', error));
  const entries = Object.entries(RATE_LIMITS).map(([name, rule]) => [
    name,
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: name,
      points: rule.points,
      duration: rule.durationSeconds,
    }),
  ]);
  const built = Object.fromEntries(entries) as Limiters;
  globalForLimits.walletRateLimiters = { url: databaseUrl, limiters: built };
  return built;
}

function stateOf(name: RateLimitName, res: RateLimiterRes, allowed: boolean): RateLimitState {
  const limit = RATE_LIMITS[name].points;
  return {
    allowed,
    limit,
    remaining: Math.max(0, limit - res.consumedPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

/** Counts one try (or `points`); `allowed` is false once the subject is past its limit. */
export async function consumeRateLimit(name: RateLimitName, subject: string, points = 1): Promise<RateLimitState> {
  try {
    const res = await limiters()[name].consume(subject, points);
    return stateOf(name, res, true);
  } catch (rejection) {
    if (isLimitReached(rejection)) return stateOf(name, rejection, false);
    throw rejection;
  }
}

/** Where the subject stands, without counting a try: `allowed` says whether one more would be. */
export async function peekRateLimit(name: RateLimitName, subject: string): Promise<RateLimitState> {
  const res = await limiters()[name].get(subject);
  if (!res)
    return {
      allowed: true,
      limit: RATE_LIMITS[name].points,
      remaining: RATE_LIMITS[name].points,
      resetSeconds: RATE_LIMITS[name].durationSeconds,
    };
  return stateOf(name, res, res.consumedPoints < RATE_LIMITS[name].points);
}

/** Forgets the subject's count (a successful sign-in clears its failures). */
export async function resetRateLimit(name: RateLimitName, subject: string): Promise<void> {
  await limiters()[name].delete(subject);
}
