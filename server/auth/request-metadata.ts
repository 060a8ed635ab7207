// What a sign-in request says about the browser: its User-Agent and address, read from the
// request headers (next/headers works inside next-auth's route handler). The address is the
// first entry of X-Forwarded-For (the client as the proxies in front reported it; `next start`
// fills in the socket's address when there is none). It is shown to the user, never trusted
// for a decision.
import { headers } from 'next/headers';
import type { SessionMetadata } from './sessions';

export function clientAddress(forwardedFor: string | null | undefined): string | null {
  const first = forwardedFor?.split(',')[0]?.trim();
  if (!first) return null;
  return first.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

export async function readRequestMetadata(): Promise<SessionMetadata> {
  try {
    const h = await headers();
    return { userAgent: h.get('user-agent'), ipAddress: clientAddress(h.get('x-forwarded-for') ?? h.get('x-real-ip')) };
  } catch {
    // Outside a request (a script signing someone in): nothing to record.
    return {};
  }
}
