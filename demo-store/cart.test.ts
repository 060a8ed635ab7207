import { describe, expect, it } from 'vitest';
import { addToCart, normaliseCart, orderSubject, priceCart, setQuantity, type CartLine } from './cart';

describe('cart arithmetic (fen, bigint)', () => {
  it('prices the three products exactly', () => {
    const cart: CartLine[] = [
      { productId: 'coffee-beans', quantity: 2 },
      { productId: 'pour-over-dripper', quantity: 1 },
      { productId: 'ceramic-mug', quantity: 3 },
    ];
    const { lines, total, count } = priceCart(cart);
    expect(lines.map((l) => l.amount)).toEqual([13_600n, 4_550n, 8_970n]);
    expect(total).toBe(27_120n); // ¥136.00 + ¥45.50 + ¥89.70
    expect(count).toBe(6);
  });

  it('has no float drift: 99 mugs at ¥29.90 are ¥2,960.10', () => {
    expect(priceCart([{ productId: 'ceramic-mug', quantity: 99 }]).total).toBe(296_010n);
  });

  it('an empty cart totals zero', () => {
    expect(priceCart([])).toEqual({ lines: [], total: 0n, count: 0 });
  });

  it('adds to an existing line instead of duplicating it', () => {
    let cart = addToCart([], 'coffee-beans');
    cart = addToCart(cart, 'ceramic-mug');
    cart = addToCart(cart, 'coffee-beans', 2);
    expect(cart).toEqual([
      { productId: 'coffee-beans', quantity: 3 },
      { productId: 'ceramic-mug', quantity: 1 },
    ]);
  });

  it('sets a quantity, removes a line at 0, caps at 99', () => {
    const cart: CartLine[] = [
      { productId: 'coffee-beans', quantity: 2 },
      { productId: 'ceramic-mug', quantity: 1 },
    ];
    expect(setQuantity(cart, 'coffee-beans', 5)[0]).toEqual({ productId: 'coffee-beans', quantity: 5 });
    expect(setQuantity(cart, 'coffee-beans', 0)).toEqual([{ productId: 'ceramic-mug', quantity: 1 }]);
    expect(setQuantity(cart, 'ceramic-mug', 1000)[1]).toEqual({ productId: 'ceramic-mug', quantity: 99 });
    expect(addToCart([{ productId: 'ceramic-mug', quantity: 98 }], 'ceramic-mug', 5)).toEqual([
      { productId: 'ceramic-mug', quantity: 99 },
    ]);
  });

  it.each([
    ['not an array', { productId: 'coffee-beans', quantity: 1 }, []],
    ['unknown product', [{ productId: 'gold-bar', quantity: 1 }], []],
    ['negative quantity', [{ productId: 'coffee-beans', quantity: -3 }], []],
    [
      'fractional quantity truncated',
      [{ productId: 'coffee-beans', quantity: 2.7 }],
      [{ productId: 'coffee-beans', quantity: 2 }],
    ],
    ['quantity as text', [{ productId: 'coffee-beans', quantity: '2' }], []],
    ['NaN', [{ productId: 'coffee-beans', quantity: Number.NaN }], []],
    [
      'a price smuggled in is ignored',
      [{ productId: 'coffee-beans', quantity: 1, price: 1 }],
      [{ productId: 'coffee-beans', quantity: 1 }],
    ],
  ])('normalises a stored cart: %s', (_name, raw, expected) => {
    expect(normaliseCart(raw)).toEqual(expected);
  });

  it('names the order after its first line', () => {
    expect(orderSubject(priceCart([{ productId: 'coffee-beans', quantity: 2 }]).lines)).toBe('云南小粒咖啡豆 ×2');
    expect(
      orderSubject(
        priceCart([
          { productId: 'ceramic-mug', quantity: 1 },
          { productId: 'pour-over-dripper', quantity: 2 },
        ]).lines,
      ),
    ).toBe('手冲滤杯 ×2 等 3 件商品');
    expect(() => orderSubject([])).toThrow();
  });
});
