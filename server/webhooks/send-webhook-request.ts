// One HTTP POST of a notification, and what came of it. No database here: the caller signs,
// and logs the answer as an attempt. Sent with undici's fetch (the engine of Node's own), whose
// agent can check each address it connects to (public-address.ts).
import { fetch, type Response } from 'undici';
import { isPublicAddress, literalAddress, publicOnlyAgent } from './public-address';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const RESPONSE_BODY_LIMIT_BYTES = 1024;
const ERROR_TEXT_LIMIT = 500;

export type WebhookResponse = {
  ok: boolean;
  status: number | null;
  /** The first KB of what the merchant's server answered (never more is read). */
  body: string | null;
  error: string | null;
  durationMs: number;
};

/** Postgres text cannot hold NUL; the rest is kept as the merchant sent it. */
function storable(text: string, limit: number): string {
  return text.replaceAll('\u0000', '').slice(0, limit);
}

async function readPrefix(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined); // a huge answer is not downloaded
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit));
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `No answer within ${timeoutMs / 1000} s`;
  }
  if (error instanceof Error) {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, DNS, TLS…) is in the cause.
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * `publicOnly`: refuse (without sending) a host that is, or resolves to, a private or reserved
 * address. Off only where merchants' servers are local on purpose (development, tests).
 */
export async function sendWebhookRequest(
  url: string,
  body: string,
  headers: Record<string, string>,
  { timeoutMs = WEBHOOK_TIMEOUT_MS, publicOnly }: { timeoutMs?: number; publicOnly: boolean },
): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (publicOnly) {
    // A literal IP is connected to without a lookup, so it is checked here.
    const hostname = new URL(url).hostname;
    const literal = literalAddress(hostname);
    if (literal !== null && !isPublicAddress(literal)) {
      return {
        ok: false,
        status: null,
        body: null,
        error: `Not sent: ${hostname} is a private or reserved address`,
        durationMs: 0,
      };
    }
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      // A redirect is an answer (not 2xx), never followed: it could point anywhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      ...(publicOnly && { dispatcher: publicOnlyAgent() }),
    });
    let text: string | null = null;
    let readError: string | null = null;
    try {
      text = storable(await readPrefix(response, RESPONSE_BODY_LIMIT_BYTES), RESPONSE_BODY_LIMIT_BYTES);
    } catch (error) {
      readError = storable(`Reading the answer failed: ${describeError(error, timeoutMs)}`, ERROR_TEXT_LIMIT);
    }
    const ok = response.status >= 200 && response.status < 300;
    return { ok, status: response.status, body: text, error: readError, durationMs: elapsed() };
  } catch (error) {
    return {
      ok: false,
      status: null,
      body: null,
      error: storable(describeError(error, timeoutMs), ERROR_TEXT_LIMIT),
      durationMs: elapsed(),
    };
  }
}
