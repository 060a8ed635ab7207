// Parsing what people type into money forms (zod at the boundary). Amounts are decimals in
// yuan, parsed strictly (ledger/parse-amount.ts); full-width digits from Chinese input
// methods are converted explicitly first, never misread.
import { z } from 'zod';
import { DEFAULT_CURRENCY, normalizeFullWidthDigits, parseAmount } from '@/ledger';
import { safeTextOrThrow } from '../text/safe-text';
import { InvalidInputError } from './domain-errors';

/** A form value as a string, or a field error. */
function text(form: FormData, field: string, max: number, options: { optional?: boolean } = {}): string {
  const value = form.get(field);
  if (value === null || value === '') {
    if (options.optional) return '';
    throw new InvalidInputError(field, `${field} is required`);
  }
  if (typeof value !== 'string') throw new InvalidInputError(field, `${field} must be text`);
  if (value.length > max) throw new InvalidInputError(field, `${field} is too long`);
  return value;
}

export function amountField(form: FormData, field = 'amount'): bigint {
  const raw = text(form, field, 40);
  return parseAmount(normalizeFullWidthDigits(raw), DEFAULT_CURRENCY, { field });
}

const UUID = z.string().uuid();

/** A client-generated idempotency key (a UUID made when the form was shown). */
export function idempotencyKeyField(form: FormData): string {
  const raw = text(form, 'idempotencyKey', 64);
  if (!UUID.safeParse(raw).success) throw new InvalidInputError('idempotencyKey', 'idempotencyKey must be a UUID');
  return raw;
}

export function idField(form: FormData, field: string): string {
  const raw = text(form, field, 64);
  if (!UUID.safeParse(raw).success) throw new InvalidInputError(field, `${field} is not valid`);
  return raw;
}

export function emailField(form: FormData, field = 'email'): string {
  const raw = text(form, field, 254).trim();
  if (!z.string().email().safeParse(raw).success) throw new InvalidInputError(field, 'Enter a valid email address');
  return raw.toLowerCase();
}

export const MEMO_MAX = 100;

/** Optional memo: trimmed, at most MEMO_MAX characters, no control, invisible or bidi characters. */
export function memoField(form: FormData): string | null {
  const raw = text(form, 'memo', 10_000, { optional: true }).trim();
  if (raw === '') return null;
  if (Array.from(raw).length > MEMO_MAX)
    throw new InvalidInputError('memo', `memo must be at most ${MEMO_MAX} characters`);
  return safeTextOrThrow('memo', raw);
}

export function accountNumberField(form: FormData): string {
  const raw = text(form, 'accountNumber', 64).replace(/[\s-]/g, '');
  if (!/^\d{16,19}$/.test(raw)) throw new InvalidInputError('accountNumber', 'An account number has 16 to 19 digits');
  return raw;
}

export function holderNameField(form: FormData): string {
  const raw = text(form, 'holderName', 100).trim();
  if (raw.length === 0 || Array.from(raw).length > 50)
    throw new InvalidInputError('holderName', 'Enter the holder name as the bank has it');
  return safeTextOrThrow('holderName', raw);
}

export function passwordField(form: FormData): string {
  return text(form, 'password', 1024);
}

/** The payment PIN as sent; '' when missing (verifyPaymentPin answers PIN_REQUIRED). */
export function pinField(form: FormData, field = 'pin'): string {
  return text(form, field, 64, { optional: true });
}

/** The authenticator code (or recovery code) as sent; '' when missing (asked only of users who turned it on). */
export function twoFactorCodeField(form: FormData): string {
  return text(form, 'twoFactorCode', 64, { optional: true });
}

/** Optional minor-unit integer (the fee the person saw). */
export function optionalMinorField(form: FormData, field: string): bigint | undefined {
  const raw = text(form, field, 20, { optional: true });
  if (raw === '') return undefined;
  if (!/^\d{1,16}$/.test(raw)) throw new InvalidInputError(field, `${field} is not valid`);
  return BigInt(raw);
}
