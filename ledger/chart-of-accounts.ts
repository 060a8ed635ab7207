// The chart of accounts (docs/design.md, "Chart of accounts"). An account is identified by its code plus a
// currency: there is one set of accounts per currency, the code does not carry it.
//
// SIGN CONVENTION (used everywhere in ledger/):
//   a posting's amount is signed: positive = CREDIT, negative = DEBIT.
//   The postings of an entry sum to zero in each currency.
//   Credit-normal accounts (LIABILITY, REVENUE): balance = credits − debits = Σ amounts.
//   Debit-normal accounts (ASSET):               balance = debits − credits = −Σ amounts.
// So a user's statement line is exactly the posting amount (+top-up, −payment), and
// Σ assets = Σ liabilities + Σ revenue always holds.
import { InvalidAccountCodeError } from './errors';

export type AccountType = 'ASSET' | 'LIABILITY' | 'REVENUE';

export type AccountKind = 'RESERVE' | 'IN_TRANSIT' | 'USER_WALLET' | 'MERCHANT_BALANCE' | 'FEE_REVENUE' | 'SUSPENSE';

export type NormalSide = 'DEBIT' | 'CREDIT';

export const RESERVE_ACCOUNT = 'platform:bank:reserve';
export const IN_TRANSIT_ACCOUNT = 'platform:bank:in_transit';
export const FEE_REVENUE_ACCOUNT = 'platform:revenue:fees';
/** Clearing account for unidentified money and write-offs (debit-normal). */
export const SUSPENSE_ACCOUNT = 'platform:suspense';

type KindInfo = { readonly type: AccountType; readonly mayGoNegative: boolean };

// Owners' accounts are what the platform owes people: they never go below zero.
// Platform accounts may (in_transit is a clearing account, suspense absorbs losses).
const KINDS: Readonly<Record<AccountKind, KindInfo>> = {
  RESERVE: { type: 'ASSET', mayGoNegative: true },
  IN_TRANSIT: { type: 'ASSET', mayGoNegative: true },
  SUSPENSE: { type: 'ASSET', mayGoNegative: true },
  USER_WALLET: { type: 'LIABILITY', mayGoNegative: false },
  MERCHANT_BALANCE: { type: 'LIABILITY', mayGoNegative: false },
  FEE_REVENUE: { type: 'REVENUE', mayGoNegative: true },
};

export const ACCOUNT_KINDS = Object.freeze(Object.keys(KINDS) as AccountKind[]);

const NORMAL_SIDE: Readonly<Record<AccountType, NormalSide>> = {
  ASSET: 'DEBIT',
  LIABILITY: 'CREDIT',
  REVENUE: 'CREDIT',
};

// A Map, not an object literal: "toString" must not resolve to a prototype member.
const PLATFORM_CODES: ReadonlyMap<string, AccountKind> = new Map([
  [RESERVE_ACCOUNT, 'RESERVE'],
  [IN_TRANSIT_ACCOUNT, 'IN_TRANSIT'],
  [FEE_REVENUE_ACCOUNT, 'FEE_REVENUE'],
  [SUSPENSE_ACCOUNT, 'SUSPENSE'],
]);

// Owner ids are app-generated (UUIDv7, cuid...): no ":" so codes split unambiguously.
const OWNER_ID = /^[A-Za-z0-9_-]{1,128}$/;

export type ParsedAccountCode = {
  readonly code: string;
  readonly kind: AccountKind;
  readonly type: AccountType;
  /** User or merchant id; null for platform accounts. */
  readonly ownerId: string | null;
};

export function accountType(kind: AccountKind): AccountType {
  return KINDS[kind].type;
}

export function normalSide(type: AccountType): NormalSide {
  return NORMAL_SIDE[type];
}

/** User wallets and merchant balances may not go below zero; platform accounts may. */
export function mayGoNegative(kind: AccountKind): boolean {
  return KINDS[kind].mayGoNegative;
}

export function isValidOwnerId(id: unknown): id is string {
  return typeof id === 'string' && OWNER_ID.test(id);
}

export function userWalletCode(userId: string): string {
  return `user:${ownerIdOrThrow(userId)}:wallet`;
}

export function merchantBalanceCode(merchantId: string): string {
  return `merchant:${ownerIdOrThrow(merchantId)}:balance`;
}

export function parseAccountCode(code: string): ParsedAccountCode {
  if (typeof code !== 'string') throw new InvalidAccountCodeError(code);
  const platformKind = PLATFORM_CODES.get(code);
  if (platformKind !== undefined) return describeAccount(code, platformKind, null);

  const parts = code.split(':');
  if (parts.length === 3 && isValidOwnerId(parts[1])) {
    if (parts[0] === 'user' && parts[2] === 'wallet') return describeAccount(code, 'USER_WALLET', parts[1]);
    if (parts[0] === 'merchant' && parts[2] === 'balance') return describeAccount(code, 'MERCHANT_BALANCE', parts[1]);
  }
  throw new InvalidAccountCodeError(code);
}

function describeAccount(code: string, kind: AccountKind, ownerId: string | null): ParsedAccountCode {
  return Object.freeze({ code, kind, type: accountType(kind), ownerId });
}

function ownerIdOrThrow(id: string): string {
  if (!isValidOwnerId(id)) throw new InvalidAccountCodeError(id);
  return id;
}
