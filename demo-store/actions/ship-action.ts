'use server';

// The owner page's shipment form: parse it, ship through the wallet, show the list again.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  StoreNotConfiguredError,
  StoreOrderNotFoundError,
  StoreOrderNotPayableError,
  WalletApiError,
  WalletUnreachableError,
} from '../errors';
import { CARRIERS } from '../shipping/carriers';
import { shipStoreOrder } from '../shipping/ship-store-order';
import { storeDeps } from '../store-deps';

export type ShipState =
  | { ok: true }
  | {
      error:
        | 'INVALID_INPUT'
        | 'STORE_ORDER_NOT_FOUND'
        | 'STORE_ORDER_NOT_PAID'
        | 'STORE_NOT_CONFIGURED'
        | 'WALLET_UNREACHABLE';
    }
  | { error: 'WALLET_API_ERROR'; message: string }
  | null;

const shipSchema = z.object({
  storeOrderId: z.uuid(),
  carrier: z.enum(CARRIERS),
  trackingNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}$/),
});

export async function shipAction(_prev: ShipState, formData: FormData): Promise<ShipState> {
  const parsed = shipSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: 'INVALID_INPUT' };
  try {
    await shipStoreOrder(storeDeps(), parsed.data);
  } catch (err) {
    if (
      err instanceof StoreOrderNotFoundError ||
      err instanceof StoreOrderNotPayableError ||
      err instanceof StoreNotConfiguredError
    )
      return { error: err.code };
    if (err instanceof WalletApiError) return { error: 'WALLET_API_ERROR', message: err.message };
    if (err instanceof WalletUnreachableError) {
      console.error('[demo-store] shipment:', err.message);
      return { error: 'WALLET_UNREACHABLE' };
    }
    throw err;
  }
  revalidatePath('/demo-store/owner');
  return { ok: true };
}
