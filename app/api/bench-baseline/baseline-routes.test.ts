import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET } from './ping/route';
import { POST } from './transfer/route';

describe('the bench baseline routes', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('are not there (404) on a server not started for the bench', async () => {
    vi.stubEnv('BENCH_BASELINE_ROUTES', undefined);
    expect(GET().status).toBe(404);
    const transfer = await POST(
      new Request('http://localhost/api/bench-baseline/transfer?from=1&to=2', { method: 'POST' }),
    );
    expect(transfer.status).toBe(404);
  });

  it('are not there either when the variable is anything but 1', async () => {
    vi.stubEnv('BENCH_BASELINE_ROUTES', 'true');
    expect(GET().status).toBe(404);
    const transfer = await POST(
      new Request('http://localhost/api/bench-baseline/transfer?from=1&to=2', { method: 'POST' }),
    );
    expect(transfer.status).toBe(404);
  });

  it('answer when the bench turns them on', async () => {
    vi.stubEnv('BENCH_BASELINE_ROUTES', '1');
    const ping = GET();
    expect(ping.status).toBe(200);
    expect(await ping.text()).toBe('pong');
    // A malformed pair is refused before any database is reached.
    const bad = await POST(new Request('http://localhost/api/bench-baseline/transfer?from=1&to=1', { method: 'POST' }));
    expect(bad.status).toBe(400);
  });
});
