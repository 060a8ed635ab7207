// Which HTTP methods each path serves, so that proxy.ts can answer any other method with a
// JSON 405 and an Allow header (Next answers an unexported method with an empty 405, and a
// page with whatever its renderer makes of it). The route handlers are listed here by their
// app/ path; method-policy.test.ts compares this list with the route files' exports.

/** What a route handler exports, by its URL pattern (route groups left out). */
export const ROUTE_HANDLER_METHODS: Readonly<Record<string, readonly string[]>> = {
  '/activity/export': ['GET'],
  // Signed e-receipts (PDF or JSON) of a person's and a shop's operations.
  '/activity/[id]/receipt': ['GET'],
  '/merchant/receipts/[id]': ['GET'],
  '/merchant/bills/[date]': ['GET'],
  '/me/balance-proof/[date]': ['GET'],
  '/receive/code.png': ['GET'],
  '/api/auth/[...nextauth]': ['GET', 'POST'],
  '/api/bank/notices': ['POST'],
  // npm run bench:pay's bare baselines (404 unless BENCH_BASELINE_ROUTES=1).
  '/api/bench-baseline/ping': ['GET'],
  '/api/bench-baseline/transfer': ['POST'],
  '/api/demo-store/notify': ['POST'],
  '/api/signing-keys': ['GET'],
  // The web app manifest, per language, and the service worker (issue 17).
  '/app.webmanifest': ['GET'],
  '/serwist/[path]': ['GET'],
  '/api/v1/balance': ['GET'],
  '/api/v1/balance_transactions': ['GET'],
  '/api/v1/bills/[date]': ['GET'],
  '/api/v1/openapi.json': ['GET'],
  '/api/v1/orders': ['GET', 'POST'],
  '/api/v1/orders/[id]': ['GET'],
  '/api/v1/orders/[id]/close': ['POST'],
  '/api/v1/orders/[id]/refunds': ['POST'],
  '/api/v1/orders/[id]/shipment': ['POST'],
  // Answers the API's JSON 404 for any path it does not know.
  '/api/v1/[...path]': ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  // The checkout's payment from the balance (the form posts here).
  '/pay/[orderId]/balance': ['POST'],
  // The bank's one handler, which answers its own 405 per endpoint.
  '/sandbox-bank/api/[...path]': ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  '/sandbox-bank/statements/csv': ['GET'],
};

/** Pages: read with GET (and HEAD); server actions are POSTs to the page's own path. */
export const PAGE_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'OPTIONS'];

type Segment = { kind: 'static'; name: string } | { kind: 'dynamic' } | { kind: 'catch-all' };

function parsePattern(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter(Boolean)
    .map((part): Segment => {
      if (part.startsWith('[...')) return { kind: 'catch-all' };
      if (part.startsWith('[')) return { kind: 'dynamic' };
      return { kind: 'static', name: part };
    });
}

const RANK = { static: 0, dynamic: 1, 'catch-all': 2 } as const;

/** The ranks of a pattern's segments if it matches the path, else null (lower ranks win). */
function matchRanks(segments: Segment[], path: string[]): number[] | null {
  const ranks: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === 'catch-all') {
      if (i >= path.length) return null; // [...x] needs at least one segment
      ranks.push(RANK['catch-all']);
      return ranks;
    }
    const part = path[i];
    if (part === undefined) return null;
    if (segment.kind === 'static' && segment.name !== part) return null;
    ranks.push(RANK[segment.kind]);
  }
  return ranks.length === path.length ? ranks : null;
}

function beats(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]!;
  }
  return a.length > b.length;
}

const PATTERNS = Object.entries(ROUTE_HANDLER_METHODS).map(([pattern, methods]) => ({
  segments: parsePattern(pattern),
  methods,
}));

/** The route handler's methods for a path (the way Next picks: static, then [x], then [...x]), or null for a page. */
export function routeHandlerMethods(pathname: string): readonly string[] | null {
  let path: string[];
  try {
    path = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null; // a malformed escape: Next answers it itself
  }
  let best: { ranks: number[]; methods: readonly string[] } | null = null;
  for (const { segments, methods } of PATTERNS) {
    const ranks = matchRanks(segments, path);
    if (ranks && (!best || beats(ranks, best.ranks))) best = { ranks, methods };
  }
  return best?.methods ?? null;
}

/**
 * The methods a path answers, in the order of the Allow header: a route handler's own, HEAD
 * with GET and OPTIONS (Next implements both), or a page's.
 */
export function allowedMethods(pathname: string): readonly string[] {
  const served = routeHandlerMethods(pathname);
  if (!served) return PAGE_METHODS;
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  const allowed = new Set([...served, ...(served.includes('GET') ? ['HEAD'] : []), 'OPTIONS']);
  return order.filter((method) => allowed.has(method));
}

export function isMethodAllowed(method: string, pathname: string): boolean {
  return allowedMethods(pathname).includes(method.toUpperCase());
}
