// Before next-auth checks a password: has this client address tried too often? Counts the
// attempt (a burst guard) and reads its failures; past either limit the route answers 429.
import { consumeRateLimit, peekRateLimit } from '../rate-limit/rate-limiter';

export type SignInGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function signInGate(ip: string): Promise<SignInGate> {
  const [attempts, failures] = await Promise.all([
    consumeRateLimit('signInAttemptsPerIp', ip),
    peekRateLimit('signInFailuresPerIp', ip),
  ]);
  if (attempts.allowed && failures.remaining > 0) return { allowed: true };
  const waits = [attempts.allowed ? 0 : attempts.resetSeconds, failures.remaining > 0 ? 0 : failures.resetSeconds];
  return { allowed: false, retryAfterSeconds: Math.max(...waits) };
}
