import { describe, expect, it } from 'vitest';
import { backoffMs, classifyFailure, sqlStateOf, withRetry } from './retry';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
const prismaError = (code: string) => Object.assign(new Error(`prisma ${code}`), { code });

describe('classifyFailure', () => {
  it.each([
    ['serialization failure 40001', pgError('40001'), 'conflict'],
    ['deadlock 40P01', pgError('40P01'), 'conflict'],
    ['lock not available 55P03', pgError('55P03'), 'conflict'],
    ['Prisma write conflict P2034', prismaError('P2034'), 'conflict'],
    ['Prisma cannot reach the server P1001', prismaError('P1001'), 'not-sent'],
    ['Prisma pool timeout P2024', prismaError('P2024'), 'not-sent'],
    ['Prisma server closed the connection P1017', prismaError('P1017'), 'unknown-outcome'],
    ['connection refused', prismaError('ECONNREFUSED'), 'not-sent'],
    ['connection reset', prismaError('ECONNRESET'), 'unknown-outcome'],
    ['admin shutdown 57P01', pgError('57P01'), 'unknown-outcome'],
    ['a PL/pgSQL RAISE P0001 (a SQLSTATE, not a Prisma code)', pgError('P0001'), 'fatal'],
    ['unique violation 23505', pgError('23505'), 'fatal'],
    ['a bug', new Error('undefined is not a function'), 'fatal'],
  ])('%s → %s', (_what, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });

  it("reads the driver's SQLSTATE under a Prisma code", () => {
    const error = Object.assign(new Error('raw'), {
      code: 'P2010',
      meta: { driverAdapterError: { cause: { originalCode: '40001' } } },
    });
    expect(sqlStateOf(error)).toBe('40001');
    expect(classifyFailure(error)).toBe('conflict');
  });

  it('does not take a Prisma code for a SQLSTATE', () => {
    expect(sqlStateOf(prismaError('P2034'))).toBeUndefined();
    expect(sqlStateOf(pgError('P0001'))).toBe('P0001');
  });
});

describe('withRetry', () => {
  it('runs a conflict again, a bounded number of times, then gives the conflict up', async () => {
    let runs = 0;
    const failing = () => {
      runs += 1;
      return Promise.reject(pgError('40001'));
    };
    await expect(withRetry(failing, { attempts: 3, baseDelayMs: 1 })).rejects.toMatchObject({ code: '40001' });
    expect(runs).toBe(3);
  });

  it('returns the first success after conflicts', async () => {
    const seen: number[] = [];
    const result = await withRetry(
      (attempt) => (attempt < 3 ? Promise.reject(pgError('40P01')) : Promise.resolve('done')),
      { baseDelayMs: 1, onRetry: (_e, attempt) => seen.push(attempt) },
    );
    expect(result).toBe('done');
    expect(seen).toEqual([1, 2]);
  });

  it('never runs a fatal error again, nor a lost request unless asked', async () => {
    let runs = 0;
    await expect(withRetry(() => (runs++, Promise.reject(pgError('23505'))))).rejects.toThrow();
    expect(runs).toBe(1);
    runs = 0;
    await expect(withRetry(() => (runs++, Promise.reject(pgError('08006'))), { baseDelayMs: 1 })).rejects.toThrow();
    expect(runs).toBe(1);
    runs = 0;
    await expect(
      withRetry(() => (runs++, Promise.reject(pgError('08006'))), {
        attempts: 2,
        baseDelayMs: 1,
        retryUnknownOutcome: true,
      }),
    ).rejects.toThrow();
    expect(runs).toBe(2);
  });
});

describe('backoffMs', () => {
  it('is full jitter under a cap that doubles per attempt and never passes the maximum', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const cap = Math.min(250, 4 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const ms = backoffMs(attempt);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThanOrEqual(cap);
      }
    }
  });
});
