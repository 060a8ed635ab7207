// The wallet's money rules from configuration (env), with the defaults the product ships:
// withdrawal fee 0.1 % with a ¥0.10 minimum, limits per operation and per day. Amounts are
// minor units (fen) given as integers.
import 'server-only';
import { z } from 'zod';
import { assertValidFeeSchedule, type FeeSchedule } from '@/ledger';

const minor = (fallback: bigint) =>
  z
    .string()
    .regex(/^\d{1,16}$/, 'must be a whole number of minor units')
    .transform((v) => BigInt(v))
    .default(fallback);

const schema = z.object({
  WITHDRAWAL_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(10),
  WITHDRAWAL_FEE_MIN: minor(10n),
  WITHDRAWAL_FEE_MAX: minor(0n), // 0 = no maximum
  WITHDRAWAL_FREE_QUOTA_PER_DAY: minor(0n),
  TOP_UP_LIMIT_PER_OPERATION: minor(5_000_000n), // ¥50,000
  TOP_UP_LIMIT_PER_DAY: minor(20_000_000n), // ¥200,000
  WITHDRAWAL_LIMIT_PER_OPERATION: minor(5_000_000n),
  WITHDRAWAL_LIMIT_PER_DAY: minor(10_000_000n),
  TRANSFER_LIMIT_PER_OPERATION: minor(5_000_000n),
  TRANSFER_LIMIT_PER_DAY: minor(10_000_000n),
  PAYMENT_LIMIT_PER_OPERATION: minor(5_000_000n),
  PAYMENT_LIMIT_PER_DAY: minor(20_000_000n),
  PAYOUT_LIMIT_PER_OPERATION: minor(100_000_000n), // ¥1,000,000: merchants move more
  PAYOUT_LIMIT_PER_DAY: minor(500_000_000n),
  MERCHANT_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(60), // 0.6 %
});

export type OperationLimits = { perOperation: bigint; perDay: bigint };
export type WalletConfig = {
  withdrawalFee: FeeSchedule;
  /** The default merchant fee on each paid order (a merchant may have its own rate). */
  merchantFeeBps: number;
  /** Refunds are limited by what was paid, not by a limit of their own. */
  limits: Record<'TOP_UP' | 'WITHDRAWAL' | 'TRANSFER' | 'PAYMENT' | 'PAYOUT', OperationLimits>;
};

let cached: WalletConfig | undefined;

export function walletConfig(source: Record<string, string | undefined> = process.env): WalletConfig {
  if (cached && source === process.env) return cached;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `Invalid wallet configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const c = parsed.data;
  const withdrawalFee: FeeSchedule = {
    rateBps: c.WITHDRAWAL_FEE_BPS,
    minimum: c.WITHDRAWAL_FEE_MIN,
    ...(c.WITHDRAWAL_FEE_MAX > 0n ? { maximum: c.WITHDRAWAL_FEE_MAX } : {}),
    ...(c.WITHDRAWAL_FREE_QUOTA_PER_DAY > 0n ? { freeQuota: c.WITHDRAWAL_FREE_QUOTA_PER_DAY } : {}),
  };
  assertValidFeeSchedule(withdrawalFee);
  const config: WalletConfig = {
    withdrawalFee,
    merchantFeeBps: c.MERCHANT_FEE_BPS,
    limits: {
      TOP_UP: { perOperation: c.TOP_UP_LIMIT_PER_OPERATION, perDay: c.TOP_UP_LIMIT_PER_DAY },
      WITHDRAWAL: { perOperation: c.WITHDRAWAL_LIMIT_PER_OPERATION, perDay: c.WITHDRAWAL_LIMIT_PER_DAY },
      TRANSFER: { perOperation: c.TRANSFER_LIMIT_PER_OPERATION, perDay: c.TRANSFER_LIMIT_PER_DAY },
      PAYMENT: { perOperation: c.PAYMENT_LIMIT_PER_OPERATION, perDay: c.PAYMENT_LIMIT_PER_DAY },
      PAYOUT: { perOperation: c.PAYOUT_LIMIT_PER_OPERATION, perDay: c.PAYOUT_LIMIT_PER_DAY },
    },
  };
  if (source === process.env) cached = config;
  return config;
}
