// The security headers of every answer (pages, route handlers, 404s, redirects and the
// proxy's own refusals). proxy.ts sets them; next.config.js repeats the fixed ones for the
// paths the proxy does not run on (static files) and for Next's own early redirects.

export type SecurityHeaderOptions = {
  /** This request's CSP nonce (base64). */
  nonce: string;
  /** Served over https (directly or behind a proxy that says so). */
  https: boolean;
  /** `next dev`: React needs eval there for its debugging, and Next injects unnonced styles. */
  development: boolean;
};

/** Two years, subdomains too: the preload list's minimum, as banks and Stripe send. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * Powerful features nobody here uses are switched off for the page and any frame; the camera
 * stays available to the wallet itself for scanning QR codes. Only features Chromium knows:
 * an unknown one is a console error on every page (`bluetooth` was; the e2e spec watches).
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'browsing-topics=()',
].join(', ');

/** Headers with the same value on every answer. */
export const FIXED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Permissions-Policy': PERMISSIONS_POLICY,
  // A page this site opens, or that opens it, gets no handle on its window.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** A fresh, unguessable nonce for one request: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** Over https: the request URL says so, or the first proxy in X-Forwarded-Proto does. */
export function isHttpsRequest(url: string, forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  if (first === 'https') return true;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Next.js's strict policy (docs: Content Security Policy): only scripts carrying this request's
 * nonce run, and what they load ('strict-dynamic'); nothing from other origins.
 */
export function contentSecurityPolicy({ nonce, https, development }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // <style> elements need the nonce (input-otp's is given it). `next dev` injects styles
    // without one, and a nonce would make browsers ignore 'unsafe-inline', so dev has no nonce.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // style="" attributes are rendered on the server by the charts and input-otp (sizes and
    // positions); an attribute can neither run script nor select elements to leak their
    // content, so attributes are allowed while <style> elements stay nonce-only.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Every form posts to this origin; the bank and checkout redirects after a post go to
    // same-origin pages (or are navigations made by script, which form-action does not cover).
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over https: on plain http (localhost, a LAN address) it would send the browser to
    // an https port that does not exist.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Every security header of an answer, CSP included; HSTS only over https. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    ...FIXED_SECURITY_HEADERS,
    ...(options.https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
