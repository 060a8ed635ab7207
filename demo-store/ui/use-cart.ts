'use client';

// The cart lives in the browser (localStorage), read through useSyncExternalStore so that every
// component (header badge, product buttons, cart page) sees the same lines, other tabs too.
import { useSyncExternalStore } from 'react';
import { addToCart, normaliseCart, setQuantity, type CartLine } from '../cart';
import type { ProductId } from '../catalogue';

const KEY = 'demo-store-cart';
const CHANGE_EVENT = 'demo-store-cart-change';
const EMPTY: CartLine[] = [];

let cachedRaw: string | null = null;
let cached: CartLine[] = EMPTY;

function read(): CartLine[] {
  const raw = window.localStorage.getItem(KEY);
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    try {
      cached = raw ? normaliseCart(JSON.parse(raw)) : EMPTY;
    } catch {
      cached = EMPTY;
    }
  }
  return cached;
}

function write(lines: CartLine[]): void {
  window.localStorage.setItem(KEY, JSON.stringify(lines));
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const noSubscription = () => () => {};

/** False during server rendering and hydration, true after: the cart is only known then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function useCart() {
  const lines = useSyncExternalStore(subscribe, read, () => EMPTY);
  return {
    lines,
    add: (productId: ProductId, quantity = 1) => write(addToCart(read(), productId, quantity)),
    setQuantity: (productId: ProductId, quantity: number) => write(setQuantity(read(), productId, quantity)),
    clear: () => write([]),
  };
}
