// The card-link form's own fields, parsed at the boundary: a bad one is a 422 naming it.
// Full-width digits from Chinese input methods are converted first; spaces and dashes people
// type into long numbers are dropped.
import { normalizeFullWidthDigits } from '@/ledger';
import { InvalidInputError } from '../../core/domain-errors';
import { isResidentIdNumber } from '../../../lib/china-id/resident-id-number';

function raw(form: FormData, field: string, max: number): string {
  const value = form.get(field);
  if (value === null || value === '') throw new InvalidInputError(field, `${field} is required`);
  if (typeof value !== 'string' || value.length > max) throw new InvalidInputError(field, `${field} is not valid`);
  return normalizeFullWidthDigits(value).replace(/[\s-]/g, '');
}

/** 居民身份证号: 18 characters with a valid check character (a lower-case x is read as X). */
export function idNumberField(form: FormData): string {
  const value = raw(form, 'idNumber', 40).toUpperCase();
  if (!isResidentIdNumber(value)) throw new InvalidInputError('idNumber', 'Enter the 18-character resident ID number');
  return value;
}

/** A mainland mobile number: 11 digits starting with 1 (a +86 prefix is dropped). */
export function phoneField(form: FormData): string {
  const value = raw(form, 'phone', 30).replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (!/^1\d{10}$/.test(value)) throw new InvalidInputError('phone', 'Enter the 11-digit mobile number the bank has');
  return value;
}

/** The 6-digit code the bank texted. */
export function smsCodeField(form: FormData): string {
  const value = raw(form, 'code', 20);
  if (!/^\d{6}$/.test(value)) throw new InvalidInputError('code', 'Enter the 6-digit code');
  return value;
}
