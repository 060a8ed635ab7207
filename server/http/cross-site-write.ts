// Cross-site requests that could change something (docs/security.md: a cross-site form POST,
// text/plain JSON included, or `Origin: null` → 403). Browsers send `Origin` on every POST,
// so a write whose Origin is another host, or "null" (sandboxed frames, some redirects), or
// that the browser itself marks cross-site, is refused before any page, action or handler
// runs. Callers that are not browser pages (the merchant API with its key, the bank's and
// the wallet's signed notices) send no Origin and authenticate themselves.

export type WriteRequest = {
  method: string;
  /** The Origin header, or null when absent. */
  origin: string | null;
  /** The Sec-Fetch-Site header, or null when absent. */
  secFetchSite: string | null;
  /** The host the request was sent to (X-Forwarded-Host behind a proxy, else Host). */
  host: string | null;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossSiteWrite(request: WriteRequest): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.secFetchSite === 'cross-site') return true;
  if (request.origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(request.origin).host; // "null" and garbage throw
  } catch {
    return true;
  }
  return request.host === null || originHost.toLowerCase() !== request.host.toLowerCase();
}
