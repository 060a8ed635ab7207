// A journal entry is the only way money moves: ≥ 2 postings that sum to zero in
// each currency (sign convention in chart-of-accounts: + credit, − debit).
// buildJournalEntry checks everything that can be checked without a database.
import { parseAccountCode } from './chart-of-accounts';
import { InvalidEntryError, UnbalancedEntryError } from './errors';
import { type Currency, MAX_AMOUNT, isCurrency } from './money';

export const ENTRY_KINDS = Object.freeze([
  'TOP_UP',
  'PAYMENT',
  'ONLINE_BANKING_PAYMENT',
  'WITHDRAWAL',
  'REFUND',
  'TRANSFER',
  'PAYOUT',
  'WRITE_OFF',
  'ADJUSTMENT',
] as const);

export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A posting names its account by code (e.g. "user:u1:wallet") or by stored id. */
export type PostingInput =
  | {
      readonly accountCode: string;
      readonly accountId?: undefined;
      readonly amount: bigint;
      readonly currency: Currency;
    }
  | {
      readonly accountId: string;
      readonly accountCode?: undefined;
      readonly amount: bigint;
      readonly currency: Currency;
    };

export type Posting = PostingInput;

export type EntryMetadata = Readonly<Record<string, string>>;

export type JournalEntryInput = {
  readonly kind: EntryKind;
  readonly postings: readonly PostingInput[];
  readonly idempotencyKey?: string | undefined;
  readonly metadata?: EntryMetadata | undefined;
};

export type JournalEntry = {
  readonly kind: EntryKind;
  readonly postings: readonly Posting[];
  readonly idempotencyKey: string | null;
  readonly metadata: EntryMetadata;
};

const MAX_KEY_LENGTH = 255;
const MAX_ACCOUNT_ID_LENGTH = 128;

/** Validates and freezes an entry; throws InvalidEntryError or UnbalancedEntryError. */
export function buildJournalEntry(input: JournalEntryInput): JournalEntry {
  if (!(ENTRY_KINDS as readonly string[]).includes(input.kind)) {
    throw new InvalidEntryError('UNKNOWN_KIND', `Unknown entry kind: ${String(input.kind)}`, { field: 'kind' });
  }
  if (!Array.isArray(input.postings) || input.postings.length < 2) {
    throw new InvalidEntryError('TOO_FEW_POSTINGS', 'An entry needs at least two postings', { field: 'postings' });
  }

  const postings = input.postings.map((posting, index) => checkPosting(posting, index));
  checkNoDuplicateAccounts(postings);
  checkBalanced(postings);

  const entry: JournalEntry = Object.freeze({
    kind: input.kind,
    postings: Object.freeze(postings),
    idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
    metadata: checkMetadata(input.metadata),
  });
  builtEntries.add(entry);
  return entry;
}

/** Entries made by buildJournalEntry: checked, and frozen all the way down. */
const builtEntries = new WeakSet<object>();

/**
 * True for an entry buildJournalEntry returned (so a consumer need not check it again);
 * false for any other object, even an equal-looking one.
 */
export function isBuiltJournalEntry(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && builtEntries.has(entry);
}

function checkPosting(posting: PostingInput, index: number): Posting {
  const field = `postings[${index}]`;
  const { amount, currency } = posting;
  if (typeof amount !== 'bigint') {
    throw new InvalidEntryError('AMOUNT_NOT_BIGINT', `${field}: amount must be a bigint`, { field: `${field}.amount` });
  }
  if (amount === 0n) {
    throw new InvalidEntryError('ZERO_POSTING', `${field}: amount must not be zero`, { field: `${field}.amount` });
  }
  if (amount > MAX_AMOUNT || -amount > MAX_AMOUNT) {
    throw new InvalidEntryError('AMOUNT_TOO_LARGE', `${field}: amount exceeds the maximum`, {
      field: `${field}.amount`,
    });
  }
  if (!isCurrency(currency)) {
    throw new InvalidEntryError('UNKNOWN_CURRENCY', `${field}: unsupported currency`, { field: `${field}.currency` });
  }

  if (posting.accountCode !== undefined && posting.accountId === undefined) {
    parseAccountCode(posting.accountCode); // throws InvalidAccountCodeError
    return Object.freeze({ accountCode: posting.accountCode, amount, currency });
  }
  if (posting.accountId !== undefined && posting.accountCode === undefined) {
    const id: unknown = posting.accountId;
    if (typeof id === 'string' && id.length > 0 && id.length <= MAX_ACCOUNT_ID_LENGTH) {
      return Object.freeze({ accountId: id, amount, currency });
    }
  }
  throw new InvalidEntryError('MISSING_ACCOUNT', `${field}: give exactly one of accountCode or accountId`, {
    field: `${field}.account`,
  });
}

// One posting per account and currency: keeps storage (one balance update per row) simple.
function checkNoDuplicateAccounts(postings: readonly Posting[]): void {
  const seen = new Set<string>();
  for (const posting of postings) {
    const key = `${posting.currency}|${posting.accountCode !== undefined ? `code:${posting.accountCode}` : `id:${posting.accountId}`}`;
    if (seen.has(key)) {
      throw new InvalidEntryError('DUPLICATE_ACCOUNT', `Account appears twice in one entry: ${key}`, {
        field: 'postings',
      });
    }
    seen.add(key);
  }
}

function checkBalanced(postings: readonly Posting[]): void {
  const sums = new Map<Currency, bigint>();
  for (const posting of postings) sums.set(posting.currency, (sums.get(posting.currency) ?? 0n) + posting.amount);
  const unbalanced = [...sums].filter(([, sum]) => sum !== 0n);
  const first = unbalanced[0];
  if (first !== undefined) {
    throw new UnbalancedEntryError(first[0], first[1], {
      details: { unbalanced: unbalanced.map(([currency, sum]) => `${currency}:${sum}`) },
    });
  }
}

function checkIdempotencyKey(key: string | undefined): string | null {
  if (key === undefined) return null;
  // Printable ASCII only: keys come from HTTP headers and are compared byte for byte.
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7E]+$/.test(key)) {
    throw new InvalidEntryError('INVALID_IDEMPOTENCY_KEY', 'Idempotency key must be 1-255 printable ASCII characters', {
      field: 'idempotencyKey',
    });
  }
  return key;
}

function checkMetadata(metadata: EntryMetadata | undefined): EntryMetadata {
  if (metadata === undefined) return Object.freeze({});
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidEntryError('INVALID_METADATA', 'Metadata must be an object of strings', { field: 'metadata' });
  }
  const entries = Object.entries(metadata);
  for (const [key, value] of entries) {
    if (typeof value !== 'string') {
      throw new InvalidEntryError('INVALID_METADATA', `Metadata value for "${key}" must be a string`, {
        field: 'metadata',
      });
    }
  }
  // fromEntries defines own properties, so a "__proto__" key stays data.
  return Object.freeze(Object.fromEntries(entries));
}
