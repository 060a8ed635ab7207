// Bench baseline: a bare GET that renders nothing and reads nothing (baseline-enabled.ts).
import { baselineRoutesEnabled, notFound } from '../baseline-enabled';

export function GET(): Response {
  if (!baselineRoutesEnabled()) return notFound();
  return new Response('pong', {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
