// Checkout: the cart becomes a store order, then an order at the wallet (the store order's id
// is the Idempotency-Key, so a retried call can never make a second one); the customer is
// then sent to the wallet's checkout_url.
import { priceCart, type CartLine } from '../cart';
import { WalletUnreachableError } from '../errors';
import { createStoreOrder } from '../orders/create-store-order';
import { linkWalletOrder } from '../orders/apply-wallet-order';
import { findStoreOrderOrThrow, type StoreOrder } from '../orders/store-order';
import type { StoreDeps } from '../store-deps';

export class EmptyCartError extends Error {
  readonly code = 'EMPTY_CART' as const;
  constructor() {
    super('The cart is empty');
  }
}

export async function checkOutCart(
  deps: StoreDeps,
  cart: CartLine[],
): Promise<{ order: StoreOrder; checkoutUrl: string }> {
  const { lines } = priceCart(cart);
  if (lines.length === 0) throw new EmptyCartError();
  const order = await createStoreOrder(deps.pool, lines);
  const walletOrder = await deps.wallet.createOrder(
    {
      merchant_order_no: order.orderNo,
      amount: order.amount,
      currency: 'CNY',
      subject: order.subject,
      notify_url: `${deps.storeOrigin}/api/demo-store/notify`,
      return_url: `${deps.storeOrigin}/demo-store/orders/${order.id}`,
    },
    order.id,
  );
  // Trust but check: the wallet's order must be the one the store asked for.
  if (
    walletOrder.merchant_order_no !== order.orderNo ||
    walletOrder.amount !== order.amount ||
    !walletOrder.checkout_url
  ) {
    throw new WalletUnreachableError(
      `the wallet answered with another order (${walletOrder.merchant_order_no}, ${walletOrder.amount})`,
    );
  }
  await linkWalletOrder(deps.pool, order.id, walletOrder.id, walletOrder.checkout_url);
  return { order: await findStoreOrderOrThrow(deps.pool, order.id), checkoutUrl: walletOrder.checkout_url };
}
