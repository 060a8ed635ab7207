// The cart's arithmetic, pure: lines of (product, quantity), their amounts in fen, the order
// subject. The browser keeps the lines (localStorage); the server prices them again from the
// catalogue at checkout.
import { findProduct, PRODUCTS, type Product, type ProductId } from './catalogue';

export type CartLine = { productId: ProductId; quantity: number };
export type PricedLine = { product: Product; quantity: number; amount: bigint };

export const MAX_QUANTITY = 99;

function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return 0;
  return Math.min(MAX_QUANTITY, Math.max(0, Math.trunc(quantity)));
}

/**
 * Whatever was stored (or tampered with) becomes a valid cart: unknown products and
 * non-positive quantities are dropped, duplicates merged, quantities capped at 99, lines in
 * catalogue order.
 */
export function normaliseCart(raw: unknown): CartLine[] {
  if (!Array.isArray(raw)) return [];
  const quantities = new Map<ProductId, number>();
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { productId, quantity } = entry as { productId?: unknown; quantity?: unknown };
    if (typeof productId !== 'string' || typeof quantity !== 'number') continue;
    const product = findProduct(productId);
    const q = clampQuantity(quantity);
    if (!product || q === 0) continue;
    quantities.set(product.id, clampQuantity((quantities.get(product.id) ?? 0) + q));
  }
  return PRODUCTS.filter((p) => quantities.has(p.id)).map((p) => ({
    productId: p.id,
    quantity: quantities.get(p.id)!,
  }));
}

export function addToCart(lines: CartLine[], productId: ProductId, quantity = 1): CartLine[] {
  return normaliseCart([...lines, { productId, quantity }]);
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(lines: CartLine[], productId: ProductId, quantity: number): CartLine[] {
  const others = lines.filter((l) => l.productId !== productId);
  return normaliseCart([...others, { productId, quantity }]);
}

export function priceCart(lines: CartLine[]): { lines: PricedLine[]; total: bigint; count: number } {
  const priced = normaliseCart(lines).map((l) => {
    const product = findProduct(l.productId)!;
    return { product, quantity: l.quantity, amount: product.price * BigInt(l.quantity) };
  });
  return {
    lines: priced,
    total: priced.reduce((sum, l) => sum + l.amount, 0n),
    count: priced.reduce((sum, l) => sum + l.quantity, 0),
  };
}

/** "云南小粒咖啡豆 ×2", or "云南小粒咖啡豆 ×2 等 3 件商品" for several lines (wallet limit: 128). */
export function orderSubject(lines: PricedLine[]): string {
  const first = lines[0];
  if (!first) throw new Error('an empty cart has no subject');
  const head = `${first.product.name} ×${first.quantity}`;
  const count = lines.reduce((sum, l) => sum + l.quantity, 0);
  const subject = lines.length === 1 ? head : `${head} 等 ${count} 件商品`;
  return subject.slice(0, 128);
}
