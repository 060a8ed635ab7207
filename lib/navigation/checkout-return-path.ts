// Where a customer who left the checkout to top up or add a card comes back to. Only a path
// of our own checkout (/pay/<order id>) is ever followed: anything else (another site, a
// `//host` path, another page of the wallet) is dropped, so the parameter cannot be used to
// send someone elsewhere after a top-up.
const CHECKOUT_PATH = /^\/pay\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The checkout path in `value`, or null when it is not exactly one. */
export function checkoutReturnPath(value: unknown): string | null {
  return typeof value === 'string' && CHECKOUT_PATH.test(value) ? value : null;
}

/** `path` with `?next=<checkout path>` when there is one to come back to. */
export function withCheckoutReturn(path: string, next: string | null): string {
  return next ? `${path}${path.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}` : path;
}

/**
 * Where the bank's return leads after a top-up: straight back to the checkout it was begun
 * from once the money is in; otherwise the top-up's own page (which offers the way back).
 */
export function topUpReturnTarget(operationId: string, status: string, next: string | null): string {
  if (next && status === 'SUCCEEDED') return next;
  return withCheckoutReturn(`/activity/${operationId}`, next);
}
