// A merchant creates an order (merchant API POST /orders): PENDING until paid, closed or
// expired. merchant_order_no is unique per merchant (the database says so too). A frozen
// merchant creates none.
import 'server-only';
import type { Currency } from '@/ledger';
import type { Db } from '../db';
import { inTransaction } from '../core/in-transaction';
import type { Order } from '../generated/prisma/client';
import { Prisma } from '../generated/prisma/client';
import { refuseFrozenMerchant } from '../merchants/refuse-frozen-merchant';
import { DuplicateMerchantOrderNoError } from './order-errors';

export type CreateOrderInput = {
  merchantId: string;
  merchantOrderNo: string;
  amount: bigint;
  currency: Currency;
  subject: string;
  notifyUrl: string | null;
  returnUrl: string | null;
  expiresInSeconds: number;
};

export const DEFAULT_EXPIRES_IN_SECONDS = 30 * 60;

export async function createOrder(db: Db, input: CreateOrderInput): Promise<Order> {
  try {
    return await inTransaction(db, async (tx) => {
      await refuseFrozenMerchant(tx, input.merchantId);
      // Expiry on the database clock, like every check of it.
      const [clock] = await tx.$queryRaw<{ expires_at: Date }[]>`
        SELECT now() + make_interval(secs => ${input.expiresInSeconds}) AS expires_at`;
      return tx.order.create({
        data: {
          merchantId: input.merchantId,
          merchantOrderNo: input.merchantOrderNo,
          amount: input.amount,
          currency: input.currency,
          subject: input.subject,
          notifyUrl: input.notifyUrl,
          returnUrl: input.returnUrl,
          expiresAt: clock!.expires_at,
          events: {
            create: { type: 'CREATED', detail: { amount: input.amount.toString(), currency: input.currency } },
          },
        },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new DuplicateMerchantOrderNoError();
    throw error;
  }
}
