// The one place that retries database conflicts (docs/stack.md, "Concurrency through Prisma"): serialization failures (40001)
// and deadlocks (40P01) roll the whole transaction back, so running it again is safe.
// Prisma surfaces them as P2034, or as P2010 from raw queries with
// meta.driverAdapterError.cause.kind === 'TransactionWriteConflict' (docs/stack.md); the raw
// SQLSTATE is read too. Connection failures are split by what is known of the outcome:
// never sent (retry) or lost in flight (may have committed: retried only when asked).

export type RetryOptions = {
  /** Attempts in all, the first included (default 6). */
  attempts?: number;
  /** Upper bound of the first back-off, doubled per attempt, with full jitter (default 4 ms). */
  baseDelayMs?: number;
  /** Cap of one back-off (default 250 ms). */
  maxDelayMs?: number;
  /** Also retry when the connection broke mid-request (only for idempotent work). */
  retryUnknownOutcome?: boolean;
  onRetry?: (error: unknown, attempt: number) => void;
};

export type FailureKind =
  /** The server rolled the transaction back (40001, 40P01, lock timeouts): safe to run again. */
  | 'conflict'
  /** The request never reached the server: safe to run again. */
  | 'not-sent'
  /** The connection broke while the request was out: it may have committed. */
  | 'unknown-outcome'
  /** Anything else: a bug, a constraint, a bad input. Not retried. */
  | 'fatal';

const CONFLICT_STATES = new Set(['40001', '40P01', '55P03']);
const NOT_SENT_KINDS = new Set([
  'DatabaseNotReachable',
  'TooManyConnections',
  'TlsConnectionError',
  'AuthenticationFailed',
]);
const LOST_KINDS = new Set(['ConnectionClosed', 'SocketTimeout']);
const NOT_SENT_PRISMA = new Set(['P1001', 'P1002', 'P2024']);
const LOST_PRISMA = new Set(['P1017']);
const NOT_SENT_NODE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const LOST_NODE = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

type ErrorShape = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: {
    code?: unknown;
    driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; code?: unknown } };
  };
};

/** A SQLSTATE: five digits or capitals, but not one of the Prisma client's own codes (P1001, P2034…). */
const isSqlState = (c: unknown): c is string =>
  typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c) && !/^P[1-9]\d{3}$/.test(c);

/** The PostgreSQL SQLSTATE behind an error, from Prisma or node-postgres, if any. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const shape = e as ErrorShape;
    const cause = shape.meta?.driverAdapterError?.cause;
    const candidates = [cause?.originalCode, cause?.code, shape.meta?.code, shape.code];
    for (const c of candidates) if (isSqlState(c)) return c;
    e = shape.cause;
  }
  return undefined;
}

export function classifyFailure(error: unknown): FailureKind {
  const state = sqlStateOf(error);
  if (state !== undefined) {
    if (CONFLICT_STATES.has(state)) return 'conflict';
    if (state.startsWith('08')) return state === '08001' || state === '08004' ? 'not-sent' : 'unknown-outcome';
    if (state === '57P01' || state === '57P02' || state === '57P03') return 'unknown-outcome'; // admin/crash shutdown
    if (state === '53300') return 'not-sent';
    return 'fatal';
  }
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const shape = e as ErrorShape;
    const kind = shape.meta?.driverAdapterError?.cause?.kind;
    if (kind === 'TransactionWriteConflict') return 'conflict';
    if (typeof kind === 'string' && NOT_SENT_KINDS.has(kind)) return 'not-sent';
    if (typeof kind === 'string' && LOST_KINDS.has(kind)) return 'unknown-outcome';
    const code = shape.code;
    if (code === 'P2034') return 'conflict';
    if (typeof code === 'string' && (NOT_SENT_PRISMA.has(code) || NOT_SENT_NODE.has(code))) return 'not-sent';
    if (typeof code === 'string' && (LOST_PRISMA.has(code) || LOST_NODE.has(code))) return 'unknown-outcome';
    const message = typeof shape.message === 'string' ? shape.message : '';
    if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(message))
      return 'not-sent';
    if (/Connection terminated|Client has encountered a connection error|server closed the connection/i.test(message)) {
      return 'unknown-outcome';
    }
    e = shape.cause;
  }
  return 'fatal';
}

/** 40001 / 40P01 (and lock timeouts): the transaction was rolled back and may simply run again. */
export function isRetryableConflict(error: unknown): boolean {
  return classifyFailure(error) === 'conflict';
}

export function isRetryable(error: unknown, retryUnknownOutcome = false): boolean {
  const kind = classifyFailure(error);
  return kind === 'conflict' || kind === 'not-sent' || (retryUnknownOutcome && kind === 'unknown-outcome');
}

/** Full-jitter exponential back-off for attempt n (1-based) . */
export function backoffMs(attempt: number, baseDelayMs = 4, maxDelayMs = 250): number {
  const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.random() * cap;
}

/**
 * Runs `fn` (typically a whole `db.$transaction(...)`) and runs it again after a jittered
 * back-off when it failed with a retryable error, at most `attempts` times in all.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 6);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error, options.retryUnknownOutcome)) throw error;
      options.onRetry?.(error, attempt);
      await sleep(backoffMs(attempt, options.baseDelayMs, options.maxDelayMs));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
