'use client';

import { ShoppingCart } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { priceCart } from '../cart';
import { cn } from './cn';
import { useCart, useHydrated } from './use-cart';

export function StoreNav() {
  const t = useTranslations('demoStore.nav');
  const pathname = usePathname();
  const { lines } = useCart();
  const hydrated = useHydrated();
  const count = hydrated ? priceCart(lines).count : 0;
  const link = (active: boolean) =>
    cn(
      'inline-flex min-h-11 items-center gap-1.5 rounded-lg px-3 text-base font-semibold whitespace-nowrap text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 md:min-h-9 md:text-sm',
      active && 'bg-amber-50 text-amber-800',
    );
  return (
    <nav aria-label={t('label')} className="-mx-1 flex gap-1 overflow-x-auto">
      <Link
        href="/demo-store"
        className={link(pathname === '/demo-store')}
        aria-current={pathname === '/demo-store' ? 'page' : undefined}
      >
        {t('shop')}
      </Link>
      <Link
        href="/demo-store/cart"
        className={link(pathname === '/demo-store/cart')}
        aria-current={pathname === '/demo-store/cart' ? 'page' : undefined}
        data-testid="store-cart-link"
      >
        <ShoppingCart aria-hidden className="size-4" />
        {t('cart')}
        {count > 0 && (
          <span
            data-testid="store-cart-count"
            className="tabular min-w-5 rounded-full bg-amber-700 px-1.5 text-center text-xs leading-5 font-semibold text-white"
          >
            {count}
          </span>
        )}
        {count > 0 && <span className="sr-only">{t('cartUnit', { count })}</span>}
      </Link>
      <Link
        href="/demo-store/owner"
        className={link(pathname.startsWith('/demo-store/owner'))}
        aria-current={pathname.startsWith('/demo-store/owner') ? 'page' : undefined}
      >
        {t('owner')}
      </Link>
    </nav>
  );
}
