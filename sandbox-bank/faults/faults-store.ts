// Reading, setting and consuming faults. takeFault runs inside the transaction that does the
// work, so a fault with `times` is used up exactly once per request it applies to.
import 'server-only';
import type { BankClient, Queryable } from '../db/pool';
import { AccountNotFoundError } from '../errors';
import { DEFAULT_NOTICE_DELAY_SECONDS, GLOBAL_SCOPE, type Fault, type FaultMode } from './fault-modes';

type FaultRow = {
  scope: string;
  mode: FaultMode;
  delay_seconds: number | null;
  times_remaining: number | null;
  updated_at: Date;
};

function toFault(row: FaultRow): Fault {
  return {
    scope: row.scope,
    mode: row.mode,
    delaySeconds: row.delay_seconds,
    timesRemaining: row.times_remaining,
    updatedAt: row.updated_at,
  };
}

/** Every fault switched on, GLOBAL first, then by account number. */
export async function listFaults(db: Queryable): Promise<Fault[]> {
  const { rows } = await db.query<FaultRow>(
    `SELECT scope, mode, delay_seconds, times_remaining, updated_at FROM sandbox_bank.faults
     ORDER BY scope <> 'GLOBAL', scope`,
  );
  return rows.map(toFault);
}

export type FaultSetting = {
  mode: FaultMode;
  delaySeconds?: number | null | undefined;
  times?: number | null | undefined;
} | null;

/** Sets (or with null clears) the fault of a scope. An unknown account number is refused. */
export async function setFault(db: Queryable, scope: string, setting: FaultSetting): Promise<void> {
  if (scope !== GLOBAL_SCOPE) {
    const { rowCount } = await db.query('SELECT 1 FROM sandbox_bank.accounts WHERE account_number = $1', [scope]);
    if (!rowCount) throw new AccountNotFoundError(`no account ${scope} at this bank`);
  }
  if (setting === null) {
    await db.query('DELETE FROM sandbox_bank.faults WHERE scope = $1', [scope]);
    return;
  }
  await db.query(
    `INSERT INTO sandbox_bank.faults (scope, mode, delay_seconds, times_remaining, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (scope) DO UPDATE SET mode = EXCLUDED.mode, delay_seconds = EXCLUDED.delay_seconds,
       times_remaining = EXCLUDED.times_remaining, updated_at = now()`,
    [
      scope,
      setting.mode,
      setting.mode === 'DELAY_NOTICE' ? (setting.delaySeconds ?? DEFAULT_NOTICE_DELAY_SECONDS) : null,
      setting.times ?? null,
    ],
  );
}

/** Clears every fault (tests use it to start clean). */
export async function clearAllFaults(db: Queryable): Promise<void> {
  await db.query('DELETE FROM sandbox_bank.faults');
}

/**
 * The fault in force for `accountNumber` (its own, else the global one) if its mode is one of
 * `applicable`; counts one use of it. Locks the fault rows until the caller's transaction ends.
 */
export async function takeFault(
  client: BankClient,
  accountNumber: string | null,
  applicable: readonly FaultMode[],
): Promise<Fault | null> {
  const scopes = accountNumber ? [accountNumber, GLOBAL_SCOPE] : [GLOBAL_SCOPE];
  const { rows } = await client.query<FaultRow>(
    `SELECT scope, mode, delay_seconds, times_remaining, updated_at FROM sandbox_bank.faults
     WHERE scope = ANY($1) ORDER BY scope FOR UPDATE`,
    [scopes],
  );
  const row = rows.find((r) => r.scope !== GLOBAL_SCOPE) ?? rows.find((r) => r.scope === GLOBAL_SCOPE);
  if (!row || !applicable.includes(row.mode)) return null;
  if (row.times_remaining === 1) {
    await client.query('DELETE FROM sandbox_bank.faults WHERE scope = $1', [row.scope]);
  } else if (row.times_remaining !== null) {
    await client.query('UPDATE sandbox_bank.faults SET times_remaining = times_remaining - 1 WHERE scope = $1', [
      row.scope,
    ]);
  }
  return toFault(row);
}
