import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authOptions } from '@/server/auth/auth-options';
import { signInGate } from '@/server/auth/sign-in-gate';
import { appUrl } from '@/server/env';
import { clientIp } from '@/server/http/client-ip';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * Signing in with a password is gated per client address first: past the limits, 429 with
 * Retry-After and nothing checked. The body keeps next-auth's shape ({ url } with the error),
 * so its client reads the code as for any other failed sign-in.
 */
export async function POST(request: NextRequest, context: Context) {
  if (request.nextUrl.pathname.endsWith('/callback/credentials')) {
    const gate = await signInGate(clientIp(request.headers));
    if (!gate.allowed) {
      const error = `RATE_LIMITED:${gate.retryAfterSeconds}`;
      return NextResponse.json(
        {
          url: `${appUrl()}/sign-in?error=${encodeURIComponent(error)}`,
          error: {
            code: 'RATE_LIMITED',
            message: 'Too many sign-in attempts; try again later',
            retryAfterSeconds: gate.retryAfterSeconds,
          },
        },
        { status: 429, headers: { 'retry-after': String(gate.retryAfterSeconds), 'cache-control': 'no-store' } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET };
