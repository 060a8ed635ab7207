'use server';

// Checkout: parse the cart the browser sends (product ids and quantities only; prices come
// from the catalogue), create the orders, send the browser to the wallet's checkout page.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { PRODUCT_IDS } from '../catalogue';
import { checkOutCart, EmptyCartError } from '../checkout/check-out-cart';
import { StoreNotConfiguredError, WalletApiError, WalletUnreachableError } from '../errors';
import { storeDeps } from '../store-deps';

export type CheckoutState =
  | { error: 'EMPTY_CART' | 'INVALID_CART' | 'STORE_NOT_CONFIGURED' | 'WALLET_UNREACHABLE' }
  | { error: 'WALLET_API_ERROR'; message: string }
  | null;

const cartSchema = z
  .array(z.object({ productId: z.enum(PRODUCT_IDS), quantity: z.int().min(1).max(99) }))
  .max(PRODUCT_IDS.length);

export async function checkoutAction(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  let raw: unknown;
  try {
    raw = JSON.parse(String(formData.get('cart') ?? ''));
  } catch {
    return { error: 'INVALID_CART' };
  }
  const cart = cartSchema.safeParse(raw);
  if (!cart.success) return { error: 'INVALID_CART' };

  let checkoutUrl: string;
  try {
    ({ checkoutUrl } = await checkOutCart(storeDeps(), cart.data));
  } catch (err) {
    if (err instanceof EmptyCartError) return { error: 'EMPTY_CART' };
    if (err instanceof StoreNotConfiguredError) return { error: 'STORE_NOT_CONFIGURED' };
    if (err instanceof WalletApiError) return { error: 'WALLET_API_ERROR', message: err.message };
    if (err instanceof WalletUnreachableError) {
      console.error('[demo-store] checkout:', err.message);
      return { error: 'WALLET_UNREACHABLE' };
    }
    throw err;
  }
  redirect(checkoutUrl);
}
