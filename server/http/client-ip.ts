// The client's address, for rate limits and the sessions page. Next fills X-Forwarded-For
// with the socket's address only when the request has none, and a reverse proxy in front
// (nginx, a load balancer: every https deployment has one) appends the address it saw. So the
// last entry is the one the nearest trusted hop vouches for. Served directly, without such a
// proxy, a client can write the header itself: deploy behind one (README, security model).
import { isIP } from 'node:net';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function clientIp(headers: HeaderSource): string {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  const last = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  // Only a real address becomes part of a rate-limit key; anything else shares one bucket.
  const address = last?.replace(/^::ffff:(?=\d+\.)/i, '');
  return address && isIP(address) ? address.toLowerCase() : 'unknown';
}
