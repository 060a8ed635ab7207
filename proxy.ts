// Runs before every route: refuses cross-site writes (server/http/cross-site-write.ts) with
// 403, and bodies over 1 MB with 413, before any page, server action or route handler runs.
// Authorisation is not here: every page, action and handler checks its own caller, so
// bypassing this file gains nothing more.
import { NextResponse, type NextRequest } from 'next/server';
import { isCrossSiteWrite } from '@/server/http/cross-site-write';

/** Next's own limit for a server action's body, which it answers with a 500 when passed. */
const MAX_BODY_BYTES = 1024 * 1024;

export function proxy(request: NextRequest) {
  const headers = request.headers;
  const crossSite = isCrossSiteWrite({
    method: request.method,
    origin: headers.get('origin'),
    secFetchSite: headers.get('sec-fetch-site'),
    host: headers.get('x-forwarded-host') ?? headers.get('host'),
  });
  if (crossSite) {
    return NextResponse.json(
      { error: { code: 'CROSS_SITE_REQUEST', message: 'A request from another site may not change anything here' } },
      { status: 403 },
    );
  }
  if (Number(headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    return NextResponse.json({ error: { code: 'BODY_TOO_LARGE', message: 'The request body is over 1 MB' } }, { status: 413 });
  }
  return NextResponse.next();
}

export const config = {
  // Static files never change anything.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
