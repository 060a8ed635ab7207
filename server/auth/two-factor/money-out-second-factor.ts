// The authenticator code for moving money out (a withdrawal, a merchant payout), asked of a
// user who turned the authenticator on, on top of the payment PIN: a bank's web app asks its
// token's code for a transfer out the same way. Users without an authenticator are not asked.
//
// The use cases check in this order, and why:
// 1. `requireMoneyOutCode`, before the PIN: a missing code, or a user past the limit of code
//    checks, is refused before the PIN is looked at, so no PIN attempt is spent and nothing
//    is written.
// 2. The payment PIN (verifyPaymentPin). A mistyped PIN does not use up the single-use code
//    (the user would otherwise wait up to 30 s for the app's next one), and without the PIN
//    nobody gets to guess codes.
// 3. `startCheck`: counts one code check for the user (RATE_LIMITS.moneyOutCodeChecksPerUser),
//    counted before the check so a burst of concurrent guesses is bounded too.
// 4. `spend(tx)`, first thing in the transaction that writes the operation and its hold: the
//    sign-in check (verifySecondFactor: each 30-second step once, each recovery code once) in
//    that transaction, so the code is used up only if the operation is written, and two
//    requests with one code cannot both pass.
// 5. `accepted()` after the commit forgets the user's counted checks.
import 'server-only';
import { AppError } from '../../core/app-error';
import type { Db, Tx } from '../../db';
import { enforceRateLimit, RateLimitedError } from '../../rate-limit/enforce-rate-limit';
import { peekRateLimit, resetRateLimit } from '../../rate-limit/rate-limiter';
import { twoFactorEnabled, verifySecondFactor, WrongTwoFactorCodeError } from './two-factor';

/** The form field of the code on the withdraw and payout confirm steps. */
export const MONEY_OUT_CODE_FIELD = 'twoFactorCode';

/** The user has an authenticator and sent no code with a withdrawal or payout. */
export class TwoFactorCodeRequiredError extends AppError {
  readonly code = 'TWO_FACTOR_CODE_REQUIRED' as const;
  constructor() {
    super('Enter the six-digit code from your authenticator app, or a recovery code', {
      field: MONEY_OUT_CODE_FIELD,
    });
  }
}

export type MoneyOutCode = {
  startCheck(): Promise<void>;
  spend(tx: Tx): Promise<void>;
  accepted(): Promise<void>;
};

/** Step 1: null for a user without an authenticator; otherwise the code, present and not past the limit. */
export async function requireMoneyOutCode(
  db: Db,
  userId: string,
  code: string | null | undefined,
): Promise<MoneyOutCode | null> {
  if (!(await twoFactorEnabled(db, userId))) return null;
  const given = code?.trim() ?? '';
  if (!given) throw new TwoFactorCodeRequiredError();
  const limit = await peekRateLimit('moneyOutCodeChecksPerUser', userId);
  if (!limit.allowed) throw new RateLimitedError(limit.resetSeconds, MONEY_OUT_CODE_FIELD);
  return {
    async startCheck() {
      await enforceRateLimit('moneyOutCodeChecksPerUser', userId, MONEY_OUT_CODE_FIELD);
    },
    async spend(tx) {
      if (!(await verifySecondFactor(tx, userId, given))) throw new WrongTwoFactorCodeError(MONEY_OUT_CODE_FIELD);
    },
    async accepted() {
      await resetRateLimit('moneyOutCodeChecksPerUser', userId);
    },
  };
}
