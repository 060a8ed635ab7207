import { normalizeFullWidthDigits, parseAmount } from '@/ledger';

/** The amount a person typed (full-width digits allowed), in minor units; null if it is not one. */
export function typedAmountOrNull(text: string): bigint | null {
  try {
    return parseAmount(normalizeFullWidthDigits(text), 'CNY');
  } catch {
    return null;
  }
}
