// Failure codes come from the bank and the wallet; known ones have a sentence, the rest a
// generic one that still shows the code (support can look it up).
export const KNOWN_FAILURE_REASONS = [
  'DECLINED',
  'INSUFFICIENT_FUNDS',
  'CANCELLED',
  'EXPIRED',
  'BANK_TIMEOUT',
  'BANK_UNAVAILABLE',
  'BANK_REJECTED',
] as const;

export type FailureReasonMessage = { key: (typeof KNOWN_FAILURE_REASONS)[number] } | { key: 'OTHER'; code: string };

export function failureReasonMessage(code: string | null): FailureReasonMessage {
  const known = KNOWN_FAILURE_REASONS.find((k) => k === code);
  if (known) return { key: known };
  // Codes are short upper-case words; anything else is not shown as-is.
  return { key: 'OTHER', code: code && /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'UNKNOWN' };
}
