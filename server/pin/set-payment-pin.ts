// Sets the first payment PIN: entered twice, not a trivial one, only while none is set
// (a forgotten PIN is replaced through reset-payment-pin.ts, which asks more).
import 'server-only';
import type { Db } from '../db';
import { hashPin, newPinSalt } from './pin-hash';
import { PinAlreadySetError, PinMismatchError, PinNotAllowedError } from './pin-errors';
import { pinProblem } from '../../lib/pin/pin-rules';

export type NewPinInput = { pin: string; pinConfirm: string };

/** The checks of a new PIN, shared with the reset. */
export function checkNewPin({ pin, pinConfirm }: NewPinInput): void {
  const problem = pinProblem(pin);
  if (problem) throw new PinNotAllowedError(problem);
  if (pin !== pinConfirm) throw new PinMismatchError();
}

/** The columns that store a new PIN (and clear its failures and lock). */
export function newPinColumns(pin: string) {
  const salt = newPinSalt();
  return {
    pinHash: new Uint8Array(hashPin(pin, salt)),
    pinSalt: new Uint8Array(salt),
    pinSetAt: new Date(),
    failedPinCount: 0,
    pinLockedUntil: null,
  };
}

export async function setPaymentPin(db: Db, userId: string, input: NewPinInput): Promise<void> {
  checkNewPin(input);
  const { count } = await db.user.updateMany({ where: { id: userId, pinHash: null }, data: newPinColumns(input.pin) });
  if (count !== 1) throw new PinAlreadySetError();
}
