// Runs before every route: refuses cross-site writes (server/http/cross-site-write.ts) with
// 403 before any page, server action or route handler runs. Authorisation is not here: every
// page, action and handler checks its own caller, so bypassing this file gains nothing more.
import { NextResponse, type NextRequest } from 'next/server';
import { isCrossSiteWrite } from '@/server/http/cross-site-write';

export function proxy(request: NextRequest) {
  const headers = request.headers;
  const crossSite = isCrossSiteWrite({
    method: request.method,
    origin: headers.get('origin'),
    secFetchSite: headers.get('sec-fetch-site'),
    host: headers.get('x-forwarded-host') ?? headers.get('host'),
  });
  if (!crossSite) return NextResponse.next();
  return NextResponse.json(
    { error: { code: 'CROSS_SITE_REQUEST', message: 'A request from another site may not change anything here' } },
    { status: 403 },
  );
}

export const config = {
  // Static files never change anything.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
