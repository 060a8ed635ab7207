// One timed round of HTTP load with autocannon, used programmatically. Each connection is one
// caller (a customer with its own session cookie, a merchant with its own key): setupClient
// gives every autocannon client its own request list, whose setupRequest builds a new request
// for that caller each time (a new order, a new idempotency key). autocannon's per-request
// context cannot carry this: it is reset after every pass over a one-request list.
import autocannon from 'autocannon';

export type BuiltRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
};

export type LoadSpec<Caller> = {
  callers: readonly Caller[];
  build(caller: Caller): BuiltRequest;
  /** Whether an answer is a success; default: any 2xx. A 2xx that says "refused" is a failure. */
  succeeded?(status: number, body: string): boolean;
};

export type LoadResult = {
  seconds: number;
  /** Answers received (any status). */
  answers: number;
  ok: number;
  failed: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  /** A few distinct failures, for the log. */
  failures: string[];
};

export async function runLoad<Caller>(
  baseUrl: string,
  connections: number,
  seconds: number,
  spec: LoadSpec<Caller>,
): Promise<LoadResult> {
  let nextCaller = 0;
  let ok = 0;
  let refused = 0;
  const failures = new Map<string, number>();
  const noteFailure = (what: string) => {
    if (failures.size < 5 || failures.has(what)) failures.set(what, (failures.get(what) ?? 0) + 1);
  };
  const succeeded = spec.succeeded ?? ((status: number) => status >= 200 && status < 300);

  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    // The list every client starts with, replaced below before its first request is sent.
    requests: [{ method: 'GET', path: '/api/bench-baseline/ping' }],
    setupClient(client) {
      const caller = spec.callers[nextCaller++ % spec.callers.length]!;
      client.setRequests([
        {
          setupRequest: (request) => {
            const built = spec.build(caller);
            return { ...request, method: built.method, path: built.path, headers: built.headers, body: built.body };
          },
          onResponse: (status, body) => {
            if (succeeded(status, body)) ok++;
            else {
              refused++;
              noteFailure(`${status} ${body.slice(0, 160).replace(/\s+/g, ' ')}`);
            }
          },
        },
      ]);
    },
  });
  const result = await instance;
  const answers = ok + refused;
  const transportErrors = result.errors + result.timeouts;
  if (transportErrors > 0) noteFailure(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  return {
    seconds: result.duration,
    answers,
    ok,
    failed: refused + transportErrors,
    opsPerSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: [...failures].map(([what, n]) => `${n}× ${what}`),
  };
}
