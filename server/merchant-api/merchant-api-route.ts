// The frame of every merchant API route: authenticate, then (POST) read at most 64 KB, require
// an Idempotency-Key, refuse a frozen merchant (403 MERCHANT_FROZEN, nothing written, the key
// left free) and run the handler once per key; every error becomes the JSON error body.
// Handlers stay thin: zod-parse, call one use case, map the result.
import 'server-only';
import type { Db } from '../db';
import type { Merchant } from '../generated/prisma/client';
import { readBodyWithLimit } from '../http/read-body-with-limit';
import { refuseFrozenMerchant } from '../merchants/refuse-frozen-merchant';
import type { AppDeps } from '../core/deps';
import { errorAnswer, toResponse } from './api-answer';
import { RateLimitedError } from '../rate-limit/enforce-rate-limit';
import { rateLimitHeaders } from '../rate-limit/rate-limit-headers';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { authenticateMerchantOrThrow, bearerToken } from './authenticate-merchant-or-throw';
import { idempotencyKeyOrThrow, idempotencyRequestHash, runIdempotent, type ApiAnswer } from './idempotency';
import { BodyTooLargeError } from './merchant-api-errors';
import { canonicalJson, parseJsonBody } from './parse-json-body';

export const MAX_BODY_BYTES = 64 * 1024;

export type MerchantApiDeps = Pick<AppDeps, 'db' | 'jobs' | 'appUrl'>;
export type GetContext = { deps: MerchantApiDeps; merchant: Merchant; url: URL };
export type PostContext = GetContext & { body: unknown; idempotencyKey: string };

export async function merchantApiGet(
  deps: MerchantApiDeps,
  request: Request,
  handle: (ctx: GetContext) => Promise<ApiAnswer>,
): Promise<Response> {
  let limit: Record<string, string> = {};
  try {
    const merchant = await authenticateMerchantOrThrow(deps.db, request);
    limit = await rateLimitOrThrow(request);
    return withHeaders(toResponse(await handle({ deps, merchant, url: new URL(request.url) })), limit);
  } catch (error) {
    return withHeaders(toResponse(errorAnswer(error)), error instanceof RateLimitedResponse ? error.headers : limit);
  }
}

/**
 * Requests per API key (its public prefix: the key is known to be valid by now). Past the
 * limit: 429 with Retry-After; every answer carries the RateLimit fields.
 */
async function rateLimitOrThrow(request: Request): Promise<Record<string, string>> {
  const subject = bearerToken(request)?.split('_').slice(0, 2).join('_') ?? 'unknown';
  const state = await consumeRateLimit('merchantApiPerKey', subject);
  const headers = rateLimitHeaders('merchantApiPerKey', state);
  if (!state.allowed) throw new RateLimitedResponse(headers, state.resetSeconds);
  return headers;
}

class RateLimitedResponse extends RateLimitedError {
  constructor(
    readonly headers: Record<string, string>,
    retryAfterSeconds: number,
  ) {
    super(retryAfterSeconds);
  }
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export async function merchantApiPost(
  deps: MerchantApiDeps,
  request: Request,
  handle: (ctx: PostContext) => Promise<ApiAnswer>,
): Promise<Response> {
  let limit: Record<string, string> = {};
  try {
    const merchant = await authenticateMerchantOrThrow(deps.db, request);
    limit = await rateLimitOrThrow(request);
    const text = await readBodyWithLimit(request, MAX_BODY_BYTES);
    if (text === null) throw new BodyTooLargeError(MAX_BODY_BYTES);
    const idempotencyKey = idempotencyKeyOrThrow(request.headers.get('idempotency-key'));
    const url = new URL(request.url);
    const parsed = parseBody(text);
    // A body that is not JSON is hashed as it came, so its 400 is replayed like any answer.
    const hash = idempotencyRequestHash('POST', url.pathname, parsed.ok ? canonicalJson(parsed.value) : `raw:${text}`);
    const answer = await runIdempotent(deps.db as Db, merchant.id, idempotencyKey, hash, async () => {
      try {
        // Asked after the key is claimed, so that a stored answer is still replayed to a
        // frozen merchant (a retry of what ran before the freeze learns what happened).
        await refuseFrozenMerchant(deps.db as Db, merchant.id);
        if (!parsed.ok) throw parsed.error;
        return await handle({ deps, merchant, url, body: parsed.value, idempotencyKey });
      } catch (error) {
        return errorAnswer(error);
      }
    });
    return withHeaders(toResponse(answer), limit);
  } catch (error) {
    return withHeaders(toResponse(errorAnswer(error)), error instanceof RateLimitedResponse ? error.headers : limit);
  }
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: parseJsonBody(text) };
  } catch (error) {
    return { ok: false, error };
  }
}
