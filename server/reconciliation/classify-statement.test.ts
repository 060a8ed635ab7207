import { describe, expect, it } from 'vitest';
import { actionsForBreak, writeOffAmount } from '../../lib/reconciliation/break-actions';
import { classifyStatement, type BankLine, type LedgerItem, type OperationSide } from './classify-statement';

const day = { start: new Date('2026-11-25T16:00:00Z'), end: new Date('2026-11-26T16:00:00Z') };
const during = new Date('2026-11-26T02:00:00Z');
const line = (reference: string | null, amount: bigint, bankReference = `SB-${reference}`): BankLine => ({
  bankReference,
  reference,
  amount,
  bookedAt: during,
});
const op = (
  id: string,
  status: OperationSide['status'],
  reserveAmount: bigint | null,
  ledgerBookedAt: Date | null = during,
): OperationSide => ({
  id,
  kind: 'TOP_UP',
  status,
  ledgerEntryId: reserveAmount === null ? null : `e-${id}`,
  reserveAmount,
  ledgerBookedAt,
});
const item = (entryId: string, operationId: string | null, amount: bigint, kind = 'TOP_UP'): LedgerItem => ({
  entryId,
  kind,
  operationId,
  operationKind: operationId ? 'TOP_UP' : null,
  operationStatus: operationId ? 'SUCCEEDED' : null,
  amount,
  bookedAt: during,
});

describe('classifyStatement', () => {
  it('classifies every case of the table', () => {
    const operations = new Map([
      ['ok', op('ok', 'SUCCEEDED', 100n)],
      ['late', op('late', 'SUCCEEDED', 50n, new Date('2026-11-27T01:00:00Z'))],
      ['lost', op('lost', 'PENDING', null)],
      ['payout', op('payout', 'PENDING', null)],
      ['failed', op('failed', 'FAILED', null)],
      ['amount', op('amount', 'SUCCEEDED', 90n)],
    ]);
    const result = classifyStatement({
      day,
      lines: [
        line('ok', 100n),
        line('late', 50n),
        line('lost', 300n),
        line('payout', -200n),
        line('failed', 10n),
        line('amount', 100n),
        line('unknown', 5n),
        line(null, 7n, 'SB-noref'),
      ],
      operations,
      ledgerItems: [
        item('e-ok', 'ok', 100n),
        item('e-amount', 'amount', 90n),
        item('e-only', 'only', 40n),
        item('e-orphan', null, 20n),
        item('e-wo', null, 5n, 'WRITE_OFF'),
      ],
    });
    expect(result.matched).toBe(2);
    expect(result.otherDay).toBe(1);
    expect(result.breaks.map((b) => [b.itemKey, b.category])).toEqual([
      ['ref:lost', 'MISSING_IN_LEDGER'],
      ['ref:payout', 'STATUS_MISMATCH'],
      ['ref:failed', 'STATUS_MISMATCH'],
      ['ref:amount', 'AMOUNT_MISMATCH'],
      ['ref:unknown', 'MISSING_IN_LEDGER'],
      ['bank:SB-noref', 'MISSING_IN_LEDGER'],
    ]);
    expect(result.unmatchedLedger.map((b) => [b.itemKey, b.category, b.ledgerAmount])).toEqual([
      ['ref:only', 'MISSING_AT_BANK', 40n],
      ['entry:e-orphan', 'MISSING_AT_BANK', 20n],
    ]);
  });

  it('a second line with a reference already seen is its own break, keyed by the bank reference', () => {
    const result = classifyStatement({
      day,
      lines: [line('ok', 100n, 'SB-1'), line('ok', 100n, 'SB-2')],
      operations: new Map([['ok', op('ok', 'SUCCEEDED', 100n)]]),
      ledgerItems: [],
    });
    expect(result.matched).toBe(1);
    expect(result.breaks.map((b) => [b.itemKey, b.category])).toEqual([['bank:SB-2', 'MISSING_IN_LEDGER']]);
  });
});

describe('actions and write-off amounts', () => {
  const facts = (
    category: Parameters<typeof actionsForBreak>[0]['category'],
    status: string | null,
    bank: bigint | null,
    ledger: bigint | null,
  ) => ({
    category,
    operationId: status ? 'op' : null,
    operationStatus: status,
    bankAmount: bank,
    ledgerAmount: ledger,
  });

  it.each([
    ['lost top-up', facts('MISSING_IN_LEDGER', 'PENDING', 300n, null), ['BOOK_FROM_BANK'], 300n],
    ['payout done at the bank', facts('STATUS_MISMATCH', 'PENDING', -200n, null), ['BOOK_FROM_BANK'], -200n],
    ['failed in the wallet', facts('STATUS_MISMATCH', 'FAILED', 10n, null), ['WRITE_OFF'], 10n],
    ['unknown reference', facts('MISSING_IN_LEDGER', null, 5n, null), ['WRITE_OFF'], 5n],
    ['amount mismatch', facts('AMOUNT_MISMATCH', 'SUCCEEDED', 100n, 90n), ['WRITE_OFF'], 10n],
    ['missing at the bank', facts('MISSING_AT_BANK', 'SUCCEEDED', null, 40n), ['WRITE_OFF'], -40n],
  ] as const)('%s', (_name, b, actions, amount) => {
    expect(actionsForBreak(b)).toEqual(actions);
    expect(writeOffAmount(b)).toBe(amount);
  });
});
