'use client';

import { Check, ShoppingCart } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ProductId } from '../catalogue';
import { useCart } from './use-cart';

export function AddToCartButton({ productId, productName }: { productId: ProductId; productName: string }) {
  const t = useTranslations('demoStore.shop');
  const { add } = useCart();
  const [added, setAdded] = useState(false);
  useEffect(() => {
    if (!added) return;
    const timer = setTimeout(() => setAdded(false), 1500);
    return () => clearTimeout(timer);
  }, [added]);
  return (
    <button
      type="button"
      data-testid="add-to-cart"
      aria-label={`${t('addToCart')}：${productName}`}
      onClick={() => {
        add(productId);
        setAdded(true);
      }}
      className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-amber-700 px-4 text-base font-semibold text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 md:text-sm"
    >
      {added ? <Check aria-hidden className="size-4" /> : <ShoppingCart aria-hidden className="size-4" />}
      <span aria-live="polite">{added ? t('added') : t('addToCart')}</span>
    </button>
  );
}
