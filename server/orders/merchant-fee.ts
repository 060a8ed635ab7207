// The merchant fee on a paid order: the merchant's own rate or the configured default,
// rounded up to the minor unit by the one fee function (ledger/fees.ts).
import { computeFee } from '@/ledger';
import { walletConfig } from '../config/wallet-config';

export function merchantFeeRateBps(merchant: { feeRateBps: number | null }): number {
  return merchant.feeRateBps ?? walletConfig().merchantFeeBps;
}

export function merchantFee(amount: bigint, merchant: { feeRateBps: number | null }): bigint {
  return computeFee(amount, { rateBps: merchantFeeRateBps(merchant) });
}
