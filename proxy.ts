// Runs before every route (Next 16's name for middleware). It gives each request a CSP nonce
// and every answer the security headers (server/http/security-headers.ts), and refuses before
// any page, server action or route handler runs: a method the path does not serve (405), a
// cross-site write (403, server/http/cross-site-write.ts), a body over 1 MB, with or without
// Content-Length (413). Authorisation is not here: every page, action and handler checks its
// own caller, so bypassing this file gains nothing more.
import { NextResponse, type NextRequest } from 'next/server';
import { isBodyOverLimit } from '@/server/http/body-over-limit';
import { isCrossSiteWrite } from '@/server/http/cross-site-write';
import { httpStatusOfCode, type ErrorCode } from '@/server/core/error-registry';
import type { ErrorBody } from '@/server/http/error-status';
import { allowedMethods, routeHandlerMethods } from '@/server/http/method-policy';
import { isHttpsRequest, newNonce, securityHeaders } from '@/server/http/security-headers';
import { trailingSlashTarget } from '@/server/http/trailing-slash';

/** Next's limit for a server action's body, which it answers with a 500 when passed. */
const MAX_BODY_BYTES = 1024 * 1024;

function errorJson(code: ErrorCode, message: string, headers: Record<string, string> = {}): NextResponse {
  const body: ErrorBody = { error: { code, message } };
  return NextResponse.json(body, {
    status: httpStatusOfCode(code),
    headers: { 'Cache-Control': 'no-store', ...headers },
  });
}

async function refusal(request: NextRequest): Promise<NextResponse | null> {
  const { method, headers, nextUrl } = request;
  const allowed = allowedMethods(nextUrl.pathname);
  const allow = allowed.join(', ');
  if (!allowed.includes(method)) {
    return errorJson('METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${allow}`, { Allow: allow });
  }
  // Route handlers get Next's own OPTIONS answer (204 with Allow); pages get the same here.
  if (method === 'OPTIONS' && routeHandlerMethods(nextUrl.pathname) === null) {
    return new NextResponse(null, { status: 204, headers: { Allow: allow } });
  }
  const crossSite = isCrossSiteWrite({
    method,
    origin: headers.get('origin'),
    secFetchSite: headers.get('sec-fetch-site'),
    host: headers.get('x-forwarded-host') ?? headers.get('host'),
  });
  if (crossSite) return errorJson('CROSS_SITE_REQUEST', 'A request from another site may not change anything here');
  const declared = headers.get('content-length');
  const tooLarge =
    declared !== null
      ? Number(declared) > MAX_BODY_BYTES
      : // Chunked: Next would read it all and answer a server action over its limit with 500.
        await isBodyOverLimit(request.body, MAX_BODY_BYTES);
  if (tooLarge) return errorJson('BODY_TOO_LARGE', 'The request body is over 1 MB');
  return null;
}

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const security = securityHeaders({
    nonce,
    https: isHttpsRequest(request.url, request.headers.get('x-forwarded-proto')),
    development: process.env.NODE_ENV === 'development',
  });
  let response = await refusal(request);
  const slashless = response ? null : trailingSlashTarget(request.nextUrl);
  // Absolute for Next, which turns a same-origin Location back into a path when it sends it.
  if (slashless !== null) response = NextResponse.redirect(new URL(slashless, request.url), 308);
  if (!response) {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts;
    // pages that add a <style> read it from x-nonce.
    const forwarded = new Headers(request.headers);
    forwarded.set('x-nonce', nonce);
    forwarded.set('content-security-policy', security['Content-Security-Policy']!);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files never change anything, and carry next.config.js's fixed headers.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
