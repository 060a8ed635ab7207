import { describe, expect, it } from 'vitest';
import { InvalidAccountCodeError, InvalidEntryError, type InvalidEntryReason, UnbalancedEntryError } from './errors';
import {
  type EntryKind,
  ENTRY_KINDS,
  type PostingInput,
  buildJournalEntry,
  isBuiltJournalEntry,
} from './journal-entry';
import { type Currency, MAX_AMOUNT } from './money';

const p = (accountCode: string, amount: bigint, currency: Currency = 'CNY'): PostingInput => ({
  accountCode,
  amount,
  currency,
});

function invalidReason(run: () => unknown): InvalidEntryReason | 'NO_ERROR' {
  try {
    run();
    return 'NO_ERROR';
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEntryError);
    return (error as InvalidEntryError).reason;
  }
}

describe('buildJournalEntry accepts balanced entries', () => {
  it.each<[string, EntryKind, PostingInput[]]>([
    ['top-up', 'TOP_UP', [p('platform:bank:reserve', -1000n), p('user:u1:wallet', 1000n)]],
    [
      'payment with fee',
      'PAYMENT',
      [p('user:u1:wallet', -10000n), p('merchant:m1:balance', 9940n), p('platform:revenue:fees', 60n)],
    ],
    [
      'two currencies, each balanced',
      'ADJUSTMENT',
      [
        p('platform:suspense', -5n, 'USD'),
        p('user:u1:wallet', 5n, 'USD'),
        p('platform:suspense', -7n),
        p('user:u1:wallet', 7n),
      ],
    ],
    [
      'same account in two currencies',
      'TRANSFER',
      [
        p('user:u1:wallet', -1n, 'USD'),
        p('user:u2:wallet', 1n, 'USD'),
        p('user:u1:wallet', 1n),
        p('user:u2:wallet', -1n),
      ],
    ],
    ['max amount', 'TOP_UP', [p('platform:bank:reserve', -MAX_AMOUNT), p('user:u1:wallet', MAX_AMOUNT)]],
  ])('%s', (_label, kind, postings) => {
    const entry = buildJournalEntry({ kind, postings });
    expect(entry.kind).toBe(kind);
    expect(entry.postings).toEqual(postings);
    expect(entry.idempotencyKey).toBeNull();
    expect(entry.metadata).toEqual({});
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry.postings)).toBe(true);
  });

  it.each(ENTRY_KINDS.map((kind) => [kind]))('kind %s', (kind) => {
    expect(buildJournalEntry({ kind, postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)] }).kind).toBe(kind);
  });

  it('accepts postings by account id and keeps key and metadata', () => {
    const entry = buildJournalEntry({
      kind: 'TRANSFER',
      postings: [
        { accountId: 'acc_1', amount: -5n, currency: 'CNY' },
        { accountId: 'acc_2', amount: 5n, currency: 'CNY' },
      ],
      idempotencyKey: 'transfer:u1:0190b3a4-7c1e',
      metadata: { memo: '<img src=x onerror=alert(1)>', orderId: 'o1' },
    });
    expect(entry.postings).toEqual([
      { accountId: 'acc_1', amount: -5n, currency: 'CNY' },
      { accountId: 'acc_2', amount: 5n, currency: 'CNY' },
    ]);
    expect(entry.idempotencyKey).toBe('transfer:u1:0190b3a4-7c1e');
    expect(entry.metadata).toEqual({ memo: '<img src=x onerror=alert(1)>', orderId: 'o1' });
  });

  it("copies its input: later mutation of the caller's array changes nothing", () => {
    const postings = [p('user:a:wallet', -1n), p('user:b:wallet', 1n)];
    const entry = buildJournalEntry({ kind: 'TRANSFER', postings });
    postings.push(p('user:c:wallet', 1n));
    expect(entry.postings).toHaveLength(2);
  });

  it('marks what it built, frozen all the way down; an equal-looking copy is not marked', () => {
    const entry = buildJournalEntry({
      kind: 'TRANSFER',
      postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)],
      metadata: { memo: 'x' },
    });
    expect(isBuiltJournalEntry(entry)).toBe(true);
    expect(
      Object.isFrozen(entry) &&
        Object.isFrozen(entry.postings) &&
        Object.isFrozen(entry.postings[0]) &&
        Object.isFrozen(entry.metadata),
    ).toBe(true);
    expect(isBuiltJournalEntry({ ...entry })).toBe(false);
    expect(isBuiltJournalEntry(null)).toBe(false);
  });

  it('keeps a "__proto__" metadata key as data', () => {
    const metadata = JSON.parse('{"__proto__":"x","a":"b"}') as Record<string, string>;
    const entry = buildJournalEntry({
      kind: 'TRANSFER',
      postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)],
      metadata,
    });
    expect(Object.getPrototypeOf(entry.metadata)).toBe(Object.prototype);
    expect(Object.keys(entry.metadata)).toEqual(['__proto__', 'a']);
  });
});

describe('buildJournalEntry refuses', () => {
  it.each<[string, unknown[], Currency, bigint]>([
    ['one-sided', [p('user:a:wallet', -1n), p('user:b:wallet', 2n)], 'CNY', 1n],
    ['all debits', [p('user:a:wallet', -1n), p('user:b:wallet', -2n)], 'CNY', -3n],
    [
      'balanced in CNY but not in USD',
      [
        p('user:a:wallet', -100n),
        p('user:b:wallet', 100n),
        p('user:a:wallet', -5n, 'USD'),
        p('user:b:wallet', 4n, 'USD'),
      ],
      'USD',
      -1n,
    ],
    [
      'balanced overall but not per currency',
      [p('user:a:wallet', -100n), p('user:b:wallet', 100n, 'USD')],
      'CNY',
      -100n,
    ],
  ])('unbalanced: %s', (_label, postings, currency, difference) => {
    try {
      buildJournalEntry({ kind: 'ADJUSTMENT', postings: postings as PostingInput[] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnbalancedEntryError);
      const unbalanced = error as UnbalancedEntryError;
      expect(unbalanced.code).toBe('UNBALANCED_ENTRY');
      expect(unbalanced.currency).toBe(currency);
      expect(unbalanced.difference).toBe(difference);
      expect(unbalanced.message).toContain(currency);
    }
  });

  it('names every unbalanced currency in details', () => {
    try {
      buildJournalEntry({
        kind: 'ADJUSTMENT',
        postings: [
          p('user:a:wallet', -1n),
          p('user:b:wallet', 2n),
          p('user:a:wallet', 3n, 'USD'),
          p('user:b:wallet', 1n, 'USD'),
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as UnbalancedEntryError).details).toMatchObject({ unbalanced: ['CNY:1', 'USD:4'] });
    }
  });

  it.each<[string, Record<string, unknown>, InvalidEntryReason]>([
    ['no postings', { kind: 'TRANSFER', postings: [] }, 'TOO_FEW_POSTINGS'],
    ['one posting', { kind: 'TRANSFER', postings: [p('user:a:wallet', 0n)] }, 'TOO_FEW_POSTINGS'],
    ['postings not an array', { kind: 'TRANSFER', postings: null }, 'TOO_FEW_POSTINGS'],
    ['unknown kind', { kind: 'GIFT', postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)] }, 'UNKNOWN_KIND'],
    [
      'zero posting',
      { kind: 'TRANSFER', postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n), p('user:c:wallet', 0n)] },
      'ZERO_POSTING',
    ],
    [
      'number amount',
      {
        kind: 'TRANSFER',
        postings: [{ accountCode: 'user:a:wallet', amount: -1, currency: 'CNY' }, p('user:b:wallet', 1n)],
      },
      'AMOUNT_NOT_BIGINT',
    ],
    [
      'credit above MAX',
      { kind: 'TRANSFER', postings: [p('user:a:wallet', -(MAX_AMOUNT + 1n)), p('user:b:wallet', MAX_AMOUNT + 1n)] },
      'AMOUNT_TOO_LARGE',
    ],
    [
      'debit above MAX',
      {
        kind: 'TRANSFER',
        postings: [p('user:b:wallet', 1n), p('user:a:wallet', -(MAX_AMOUNT + 1n)), p('user:c:wallet', MAX_AMOUNT)],
      },
      'AMOUNT_TOO_LARGE',
    ],
    [
      'unknown currency',
      {
        kind: 'TRANSFER',
        postings: [p('user:a:wallet', -1n, 'XXX' as Currency), p('user:b:wallet', 1n, 'XXX' as Currency)],
      },
      'UNKNOWN_CURRENCY',
    ],
    [
      'duplicate account',
      { kind: 'TRANSFER', postings: [p('user:a:wallet', -2n), p('user:b:wallet', 1n), p('user:b:wallet', 1n)] },
      'DUPLICATE_ACCOUNT',
    ],
    [
      'duplicate account id',
      {
        kind: 'TRANSFER',
        postings: [
          { accountId: 'x', amount: -1n, currency: 'CNY' },
          { accountId: 'x', amount: 1n, currency: 'CNY' },
        ],
      },
      'DUPLICATE_ACCOUNT',
    ],
    [
      'no account',
      { kind: 'TRANSFER', postings: [{ amount: -1n, currency: 'CNY' }, p('user:b:wallet', 1n)] },
      'MISSING_ACCOUNT',
    ],
    [
      'both code and id',
      {
        kind: 'TRANSFER',
        postings: [
          { accountCode: 'user:a:wallet', accountId: 'x', amount: -1n, currency: 'CNY' },
          p('user:b:wallet', 1n),
        ],
      },
      'MISSING_ACCOUNT',
    ],
    [
      'empty account id',
      { kind: 'TRANSFER', postings: [{ accountId: '', amount: -1n, currency: 'CNY' }, p('user:b:wallet', 1n)] },
      'MISSING_ACCOUNT',
    ],
    [
      'empty idempotency key',
      { kind: 'TRANSFER', postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)], idempotencyKey: '' },
      'INVALID_IDEMPOTENCY_KEY',
    ],
    [
      'idempotency key with a space',
      { kind: 'TRANSFER', postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)], idempotencyKey: 'a b' },
      'INVALID_IDEMPOTENCY_KEY',
    ],
    [
      'idempotency key too long',
      {
        kind: 'TRANSFER',
        postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)],
        idempotencyKey: 'k'.repeat(256),
      },
      'INVALID_IDEMPOTENCY_KEY',
    ],
    [
      'non-string metadata',
      { kind: 'TRANSFER', postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)], metadata: { amount: 5 } },
      'INVALID_METADATA',
    ],
    [
      'array metadata',
      { kind: 'TRANSFER', postings: [p('user:a:wallet', -1n), p('user:b:wallet', 1n)], metadata: ['x'] },
      'INVALID_METADATA',
    ],
  ])('%s', (_label, input, reason) => {
    expect(invalidReason(() => buildJournalEntry(input as never))).toBe(reason);
  });

  it('refuses an invalid account code', () => {
    expect(() => buildJournalEntry({ kind: 'TRANSFER', postings: [p('user:a:wallet', -1n), p('bank', 1n)] })).toThrow(
      InvalidAccountCodeError,
    );
  });
});
