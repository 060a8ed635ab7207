// The audit log against a real PostgreSQL: written with the admin change in one
// transaction, and append-only at the database (raw UPDATE / DELETE / TRUNCATE refused).
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../scripts/test/integration-db';
import { sqlStateOf } from '../../stored-ledger';
import { recordAuditEvent } from './record-audit-event';

const db = testDb(4);
afterAll(() => db.$disconnect());

const actorId = '01900000-0000-7000-8000-000000000001';

async function refusedState(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return sqlStateOf(error) ?? `no SQLSTATE: ${String(error)}`;
  }
  return 'ACCEPTED';
}

describe('audit log', () => {
  it('stores who, what, before/after (bigint and Date as strings) and the note', async () => {
    const at = new Date('2026-11-26T01:00:00.000Z');
    const event = await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId,
        action: 'test.record',
        targetType: 'user',
        targetId: 'u-1',
        before: { frozenAt: null, amount: 1234n },
        after: { frozenAt: at, amount: 0n },
        note: '  核实身份  ',
      }),
    );
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({
      actorId,
      action: 'test.record',
      targetType: 'user',
      targetId: 'u-1',
      before: { frozenAt: null, amount: '1234' },
      after: { frozenAt: '2026-11-26T01:00:00.000Z', amount: '0' },
      note: '核实身份',
    });
  });

  it('rolls back with the transaction it was written in', async () => {
    const marker = `rollback-${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, {
          actorId,
          action: 'test.rollback',
          targetType: 'user',
          targetId: marker,
          before: null,
          after: null,
        });
        throw new Error('the admin change failed');
      }),
    ).rejects.toThrow('the admin change failed');
    expect(await db.auditEvent.count({ where: { targetId: marker } })).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database, and the row stays as written', async () => {
    const { id } = await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId,
        action: 'test.immutable',
        targetType: 'user',
        targetId: 'u-2',
        before: { a: 1 },
        after: { a: 2 },
        note: 'original',
      }),
    );
    expect(
      await refusedState(() => db.$executeRaw`UPDATE audit_events SET note = 'rewritten' WHERE id = ${id}::uuid`),
    ).toBe('WB003');
    expect(await refusedState(() => db.$executeRaw`UPDATE audit_events SET after = NULL`)).toBe('WB003');
    expect(await refusedState(() => db.$executeRaw`DELETE FROM audit_events WHERE id = ${id}::uuid`)).toBe('WB003');
    expect(await refusedState(() => db.$executeRaw`DELETE FROM audit_events`)).toBe('WB003');
    expect(await refusedState(() => db.$executeRaw`TRUNCATE audit_events`)).toBe('WB003');
    // Prisma's own update/delete go through the same triggers.
    await expect(db.auditEvent.update({ where: { id }, data: { note: 'x' } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id } })).rejects.toThrow();
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.note).toBe('original');
    expect(row.after).toEqual({ a: 2 });
  });
});
