// Domain errors of the merchant dashboard and onboarding, registered in
// server/core/error-registry.ts.
import { AppError } from '../core/app-error';

/** A user who already has a merchant profile (pending or approved) applies again. */
export class MerchantApplicationExistsError extends AppError {
  readonly code = 'MERCHANT_APPLICATION_EXISTS' as const;
  constructor(readonly status: string) {
    super(`There is already a merchant application (${status})`, { details: { status } });
  }
}

/** A payout needs the merchant's settlement bank account, still linked. */
export class SettlementAccountMissingError extends AppError {
  readonly code = 'SETTLEMENT_ACCOUNT_MISSING' as const;
  constructor() {
    super('The settlement bank account is not set or no longer linked', { field: 'settlementBankAccountId' });
  }
}

/**
 * The merchant's account is frozen by an admin: its API key still reads, but nothing new is
 * written for it (orders, refunds, closes, shipments) and its orders cannot be paid.
 */
export class MerchantFrozenError extends AppError {
  readonly code = 'MERCHANT_FROZEN' as const;
  constructor() {
    super(
      'This merchant is frozen by the platform: it cannot create, refund, close or ship orders, or take payments, until it is unfrozen',
    );
  }
}
