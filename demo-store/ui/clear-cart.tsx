'use client';

import { useEffect } from 'react';
import { useCart } from './use-cart';

/** The return page of a checkout: the cart became this order, so it is emptied. */
export function ClearCart() {
  const { clear, lines } = useCart();
  useEffect(() => {
    if (lines.length > 0) clear();
  }, [clear, lines.length]);
  return null;
}
