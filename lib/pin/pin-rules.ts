// What a payment PIN may be: exactly six ASCII digits, and not one a guesser tries first
// (all the same digit, or a run up or down such as 123456 / 654321).

export const PIN_LENGTH = 6;

export type PinProblem = 'FORMAT' | 'REPEATED' | 'SEQUENCE';

export function isPinFormat(pin: string): boolean {
  return /^[0-9]{6}$/.test(pin);
}

/** Why this PIN may not be set, or null when it may. */
export function pinProblem(pin: string): PinProblem | null {
  if (!isPinFormat(pin)) return 'FORMAT';
  const digits = Array.from(pin, Number);
  if (digits.every((d) => d === digits[0])) return 'REPEATED';
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return 'SEQUENCE';
  return null;
}
