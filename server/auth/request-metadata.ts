// What a sign-in request says about the browser: its User-Agent and address (the one
// server/http/client-ip.ts vouches for), read from the request headers: next/headers works
// inside next-auth's route handler. Shown on /me/security, never used for a decision.
import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from '../http/client-ip';
import type { SessionMetadata } from './sessions';

export async function readRequestMetadata(): Promise<SessionMetadata> {
  try {
    const h = await headers();
    const ip = clientIp(h);
    return { userAgent: h.get('user-agent'), ipAddress: ip === 'unknown' ? null : ip };
  } catch {
    // Outside a request (a script signing someone in): nothing to record.
    return {};
  }
}
