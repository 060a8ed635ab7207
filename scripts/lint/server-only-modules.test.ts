import { describe, expect, it } from 'vitest';
import { checkServerOnlyModules } from './server-only-modules';

describe("import 'server-only'", () => {
  const modules = checkServerOnlyModules();

  it('finds the modules it is about', () => {
    const touching = modules.filter((m) => m.touches.length > 0).map((m) => m.file);
    expect(touching).toEqual(expect.arrayContaining(['server/db.ts', 'server/env.ts', 'server/auth/current-user.ts']));
    expect(touching).toEqual(expect.arrayContaining(['sandbox-bank/db/pool.ts', 'demo-store/db/pool.ts']));
  });

  it('is in every module that touches the database, secrets or the session', () => {
    const unmarked = modules.filter((m) => m.touches.length > 0 && !m.marked);
    expect(unmarked.map((m) => `${m.file} touches ${m.touches.join(', ')}`)).toEqual([]);
  });
});
