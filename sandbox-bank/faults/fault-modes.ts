// The faults a tester can switch on (API.md "faults"), and at which step each one acts.

export const FAULT_MODES = [
  'DECLINE',
  'INSUFFICIENT_FUNDS',
  'DELAY_NOTICE',
  'LOSE_NOTICE',
  'DUPLICATE_NOTICE',
  'ERROR_500',
  'TIMEOUT',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const GLOBAL_SCOPE = 'GLOBAL';

export type Fault = {
  /** 'GLOBAL' or an account number. */
  scope: string;
  mode: FaultMode;
  /** DELAY_NOTICE only. */
  delaySeconds: number | null;
  /** How many more requests it applies to; null = until cleared. */
  timesRemaining: number | null;
  updatedAt: Date;
};

/** DELAY_NOTICE without delay_seconds waits this long. */
export const DEFAULT_NOTICE_DELAY_SECONDS = 10;

export const NOTICE_FAULTS = [
  'DELAY_NOTICE',
  'LOSE_NOTICE',
  'DUPLICATE_NOTICE',
] as const satisfies readonly FaultMode[];
export type NoticeFaultMode = (typeof NOTICE_FAULTS)[number];

/** Faults that act when the API is called for a debit (the rest wait for authorisation). */
export const DEBIT_CREATION_FAULTS = ['ERROR_500', 'TIMEOUT'] as const satisfies readonly FaultMode[];
/** Faults that act when a debit is authorised (correct code). */
export const DEBIT_AUTHORISATION_FAULTS = [
  'DECLINE',
  'INSUFFICIENT_FUNDS',
  ...NOTICE_FAULTS,
] as const satisfies readonly FaultMode[];
/** Faults that act on a payout: all of them. */
export const PAYOUT_FAULTS = FAULT_MODES;

export function isNoticeFault(fault: Fault | null): fault is Fault & { mode: NoticeFaultMode } {
  return fault !== null && (NOTICE_FAULTS as readonly string[]).includes(fault.mode);
}
