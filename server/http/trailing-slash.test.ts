import { describe, expect, it } from 'vitest';
import { trailingSlashTarget } from './trailing-slash';

const target = (path: string) => trailingSlashTarget(new URL(`http://localhost:3000${path}`));

describe('trailingSlashTarget', () => {
  it.each([
    ['/sign-in/', '/sign-in'],
    ['/activity/?from=2026-12-01', '/activity?from=2026-12-01'],
    ['/pay/abc//', '/pay/abc'],
    ['///', '/'],
  ])('%s → %s', (path, expected) => {
    expect(target(path)).toBe(expected);
  });

  it('leaves paths without a trailing slash alone', () => {
    expect(target('/')).toBeNull();
    expect(target('/sign-in')).toBeNull();
  });

  it('never points at another host', () => {
    for (const path of ['//evil.example/', '/\\evil.example/', '/\\/evil.example/', '///evil.example//']) {
      const location = trailingSlashTarget(new URL(`http://localhost:3000${path}`))!;
      expect(location, path).toMatch(/^\/[^/\\]/);
      expect(new URL(location, 'http://localhost:3000').host, path).toBe('localhost:3000');
    }
  });
});
