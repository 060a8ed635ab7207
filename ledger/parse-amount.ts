// Strict parsing of amounts at the boundaries. Never round silently: anything that
// is not exactly a positive amount in the currency's minor units is refused.
import { InvalidAmountError, type InvalidAmountReason } from './errors';
import { type Currency, MAX_AMOUNT, currencyDigits } from './money';

export type ParseAmountOptions = {
  /** Zero is not an amount one can move; forms that accept it (filters, limits) opt in. */
  allowZero?: boolean | undefined;
  /** Field name reported on errors (default "amount"). */
  field?: string | undefined;
};

// More digits than this is over MAX_AMOUNT for sure; refuse before building a huge BigInt.
const MAX_DIGITS = MAX_AMOUNT.toString().length + 1;

/**
 * Parses a decimal typed by a person ("88.88") into minor units (8888n).
 * Accepts only ASCII digits with an optional "." and at most the currency's
 * decimals; no sign, exponent, grouping, whitespace or leading zeros ("0.5" is
 * fine, "007" and "00.5" are not). Full-width digits are refused here: call
 * normalizeFullWidthDigits first if the UI wants to accept them.
 */
export function parseAmount(input: string, currency: Currency, options: ParseAmountOptions = {}): bigint {
  const fail = (reason: InvalidAmountReason, message: string): never => {
    throw new InvalidAmountError(reason, message, { field: options.field });
  };

  if (typeof input !== 'string') return fail('WRONG_TYPE', 'Amount must be text');
  if (input === '') return fail('EMPTY', 'Amount is empty');
  if (/\s/.test(input)) return fail('WHITESPACE', 'Amount must not contain spaces');
  if (/^[+\-\u2212]/.test(input)) return fail('SIGN', 'Amount must not have a sign');
  if (/^[0-9.]+[eE]/.test(input)) return fail('EXPONENT', 'Amount must not use an exponent');
  if (/[,_'\uFF0C\u066C]/.test(input)) return fail('GROUPING', 'Amount must not contain separators');
  // Any decimal digit outside 0-9: full-width, Arabic-Indic, Devanagari...
  if (/(?![0-9])\p{Nd}/u.test(input)) return fail('NON_ASCII_DIGIT', 'Amount must use the digits 0-9');
  if (!/^[0-9]*\.?[0-9]*$/.test(input)) return fail('MALFORMED', 'Amount is not a number');

  const match = /^([0-9]+)(?:\.([0-9]+))?$/.exec(input);
  if (match === null) return fail('MISSING_DIGITS', 'Amount needs digits on both sides of the point');
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';

  if (whole.length > 1 && whole.startsWith('0')) return fail('LEADING_ZERO', 'Amount must not start with 0');
  const digits = currencyDigits(currency);
  if (fraction.length > digits) {
    return fail(
      'TOO_MANY_DECIMALS',
      digits === 0 ? `${currency} amounts have no decimals` : `${currency} amounts have at most ${digits} decimals`,
    );
  }
  if (whole.length > MAX_DIGITS) return fail('TOO_LARGE', 'Amount is too large');

  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return checkRange(minor, options);
}

/**
 * Parses an API amount already in minor units: a safe integer JSON number, a
 * string of ASCII digits, or a bigint. Everything else (negative, fractional,
 * NaN, Infinity, unsafe integers, null, booleans, arrays, objects) is refused.
 */
export function parseMinorUnits(value: unknown, options: ParseAmountOptions = {}): bigint {
  const fail = (reason: InvalidAmountReason, message: string): never => {
    throw new InvalidAmountError(reason, message, { field: options.field });
  };

  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('NOT_A_NUMBER', 'Amount must be a finite number');
    if (!Number.isInteger(value)) return fail('NOT_AN_INTEGER', 'Amount must be an integer of minor units');
    if (value < 0) return fail('NEGATIVE', 'Amount must not be negative');
    // 2^53 + 1 arrives here already rounded to 2^53: refuse rather than guess.
    if (!Number.isSafeInteger(value)) return fail('UNSAFE_INTEGER', 'Amount is too large to be exact as a number');
    return checkRange(BigInt(value), options);
  }
  if (typeof value === 'bigint') {
    if (value < 0n) return fail('NEGATIVE', 'Amount must not be negative');
    return checkRange(value, options);
  }
  if (typeof value === 'string') {
    if (value === '') return fail('EMPTY', 'Amount is empty');
    if (/^[0-9]+$/.test(value)) {
      if (value.length > 1 && value.startsWith('0')) return fail('LEADING_ZERO', 'Amount must not start with 0');
      if (value.length > MAX_DIGITS) return fail('TOO_LARGE', 'Amount is too large');
      return checkRange(BigInt(value), options);
    }
    if (/\s/.test(value)) return fail('WHITESPACE', 'Amount must not contain spaces');
    if (/^-/.test(value)) return fail('NEGATIVE', 'Amount must not be negative');
    if (/^\+/.test(value)) return fail('SIGN', 'Amount must not have a sign');
    if (/^[0-9]*\.[0-9]*$/.test(value)) return fail('NOT_AN_INTEGER', 'Amount must be an integer of minor units');
    return fail('MALFORMED', 'Amount must be an integer of minor units');
  }
  return fail('WRONG_TYPE', 'Amount must be an integer of minor units');
}

function checkRange(minor: bigint, options: ParseAmountOptions): bigint {
  if (minor === 0n && options.allowZero !== true) {
    throw new InvalidAmountError('ZERO', 'Amount must be greater than zero', { field: options.field });
  }
  if (minor > MAX_AMOUNT) {
    throw new InvalidAmountError('TOO_LARGE', 'Amount is too large', { field: options.field });
  }
  return minor;
}

/**
 * Converts full-width digits and the full-width point (what Chinese and Japanese
 * input methods type) to ASCII. Opt-in for the UI; parseAmount never does it.
 */
export function normalizeFullWidthDigits(input: string): string {
  return input.replace(/[\uFF10-\uFF19\uFF0E]/g, (ch) =>
    ch === '\uFF0E' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30),
  );
}
