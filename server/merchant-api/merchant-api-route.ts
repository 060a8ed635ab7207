// The frame of every merchant API route: authenticate, then (POST) read at most 64 KB, require
// an Idempotency-Key, refuse a frozen merchant (403 MERCHANT_FROZEN, nothing written, the key
// left free) and run the handler once per key; every error becomes the JSON error body.
// Handlers stay thin: zod-parse, call one use case, map the result.
import type { Db } from '../db';
import type { Merchant } from '../generated/prisma/client';
import { readBodyWithLimit } from '../http/read-body-with-limit';
import { refuseFrozenMerchant } from '../merchants/refuse-frozen-merchant';
import type { WalletDeps } from '../wallet/wallet-deps';
import { errorAnswer, toResponse } from './api-answer';
import { authenticateMerchantOrThrow } from './authenticate-merchant-or-throw';
import { idempotencyKeyOrThrow, idempotencyRequestHash, runIdempotent, type ApiAnswer } from './idempotency';
import { BodyTooLargeError } from './merchant-api-errors';
import { canonicalJson, parseJsonBody } from './parse-json-body';

export const MAX_BODY_BYTES = 64 * 1024;

export type MerchantApiDeps = Pick<WalletDeps, 'db' | 'jobs' | 'appUrl'>;
export type GetContext = { deps: MerchantApiDeps; merchant: Merchant; url: URL };
export type PostContext = GetContext & { body: unknown; idempotencyKey: string };

export async function merchantApiGet(deps: MerchantApiDeps, request: Request, handle: (ctx: GetContext) => Promise<ApiAnswer>): Promise<Response> {
  try {
    const merchant = await authenticateMerchantOrThrow(deps.db, request);
    return toResponse(await handle({ deps, merchant, url: new URL(request.url) }));
  } catch (error) {
    return toResponse(errorAnswer(error));
  }
}

export async function merchantApiPost(deps: MerchantApiDeps, request: Request, handle: (ctx: PostContext) => Promise<ApiAnswer>): Promise<Response> {
  try {
    const merchant = await authenticateMerchantOrThrow(deps.db, request);
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
    return toResponse(answer);
  } catch (error) {
    return toResponse(errorAnswer(error));
  }
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: parseJsonBody(text) };
  } catch (error) {
    return { ok: false, error };
  }
}
