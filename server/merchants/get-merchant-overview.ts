// The dashboard home: balance, fee rate, today's paid orders (Shanghai day) and the latest
// orders. Everything is scoped to the merchant the caller was authorised as.
import 'server-only';
import type { Db } from '../db';
import type { Merchant, Order } from '../generated/prisma/client';
import { merchantFeeRateBps } from '../orders/merchant-fee';
import { startOfShanghaiDay } from '../../lib/time/shanghai-day';
import { getMerchantBalance, type MerchantBalance } from './get-merchant-balance';

export type MerchantOverview = {
  balance: MerchantBalance;
  feeRateBps: number;
  today: { paidCount: number; paidAmount: bigint; feeAmount: bigint };
  recentOrders: Order[];
};

export const RECENT_ORDERS = 5;

export async function getMerchantOverview(db: Db, merchant: Merchant, now = new Date()): Promise<MerchantOverview> {
  const [balance, today, recentOrders] = await Promise.all([
    getMerchantBalance(db, merchant.id),
    // Paid today, whatever happened to the order since (refunded orders were still paid).
    db.order.aggregate({
      where: { merchantId: merchant.id, paidAt: { gte: startOfShanghaiDay(now) } },
      _count: { _all: true },
      _sum: { amount: true, merchantFee: true },
    }),
    db.order.findMany({
      where: { merchantId: merchant.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT_ORDERS,
    }),
  ]);
  return {
    balance,
    feeRateBps: merchantFeeRateBps(merchant),
    today: {
      paidCount: today._count._all,
      paidAmount: today._sum.amount ?? 0n,
      feeAmount: today._sum.merchantFee ?? 0n,
    },
    recentOrders,
  };
}
