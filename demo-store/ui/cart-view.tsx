'use client';

import { Minus, Plus, Trash2 } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useActionState } from 'react';
import { checkoutAction, type CheckoutState } from '../actions/checkout-action';
import { MAX_QUANTITY, priceCart } from '../cart';
import { formatFen } from '../money';
import { ProductArt } from './product-art';
import { useCart, useHydrated } from './use-cart';

const stepper =
  'inline-flex size-11 items-center justify-center rounded-lg border border-stone-300 bg-white text-stone-700 hover:bg-stone-50 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 md:size-9';

export function CartView() {
  const t = useTranslations('demoStore.cart');
  const locale = useLocale();
  const hydrated = useHydrated();
  const { lines, setQuantity } = useCart();
  const [state, formAction, pending] = useActionState<CheckoutState, FormData>(checkoutAction, null);
  const { lines: priced, total, count } = priceCart(lines);
  const money = (fen: bigint) => formatFen(fen, locale);

  if (!hydrated) return <div className="h-48 animate-pulse rounded-2xl bg-stone-100" aria-busy="true" />;
  if (priced.length === 0) {
    return (
      <div
        className="rounded-2xl border border-dashed border-stone-300 bg-white p-10 text-center"
        data-testid="cart-empty"
      >
        <p className="mb-4 text-stone-600">{t('empty')}</p>
        <Link href="/demo-store" className="font-semibold text-amber-800 underline underline-offset-4">
          {t('emptyAction')}
        </Link>
      </div>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:items-start">
      <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" aria-label={t('title')}>
        {priced.map(({ product, quantity, amount }) => {
          const name = locale === 'en' ? product.nameEn : product.name;
          return (
            <li
              key={product.id}
              className="grid grid-cols-[3.5rem_1fr] items-center gap-x-3 gap-y-2 p-4 md:flex md:gap-4"
              data-testid="cart-line"
              data-product-id={product.id}
            >
              <ProductArt productId={product.id} size="sm" />
              <div className="min-w-0 md:flex-1">
                <p className="font-semibold text-stone-900">{name}</p>
                <p className="tabular text-sm text-stone-500">{money(product.price)}</p>
              </div>
              <div className="col-span-2 flex items-center justify-between gap-3">
                <div className="flex items-center gap-2">
                  <button
                    type="button"
                    className={stepper}
                    aria-label={t('decrease', { name })}
                    onClick={() => setQuantity(product.id, quantity - 1)}
                  >
                    <Minus aria-hidden className="size-4" />
                  </button>
                  <span
                    className="tabular w-8 text-center font-semibold"
                    data-testid="cart-line-quantity"
                    aria-label={t('quantity')}
                  >
                    {quantity}
                  </span>
                  <button
                    type="button"
                    className={stepper}
                    aria-label={t('increase', { name })}
                    disabled={quantity >= MAX_QUANTITY}
                    onClick={() => setQuantity(product.id, quantity + 1)}
                  >
                    <Plus aria-hidden className="size-4" />
                  </button>
                </div>
                <div className="flex items-center gap-1">
                  <p
                    className="tabular w-24 text-right font-semibold text-stone-900"
                    data-testid="cart-line-amount"
                    data-amount={amount.toString()}
                  >
                    {money(amount)}
                  </p>
                  <button
                    type="button"
                    className="inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-lg px-2 text-sm text-stone-500 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-amber-700 md:min-h-9"
                    aria-label={t('removeItem', { name })}
                    onClick={() => setQuantity(product.id, 0)}
                  >
                    <Trash2 aria-hidden className="size-4" />
                    <span className="sr-only lg:not-sr-only">{t('remove')}</span>
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>

      <section
        aria-labelledby="cart-summary"
        className="rounded-2xl border border-stone-200 bg-white p-5 lg:sticky lg:top-4"
      >
        <h2 id="cart-summary" className="mb-4 text-lg font-semibold text-stone-900">
          {t('summary')}
        </h2>
        <dl className="space-y-2 text-stone-700">
          <div className="flex justify-between">
            <dt>{t('itemsTotal', { count })}</dt>
            <dd className="tabular">{money(total)}</dd>
          </div>
          <div className="flex justify-between">
            <dt>{t('shipping')}</dt>
            <dd>{t('freeShipping')}</dd>
          </div>
          <div className="flex items-baseline justify-between border-t border-stone-200 pt-3 text-stone-900">
            <dt className="font-semibold">{t('total')}</dt>
            <dd className="tabular text-2xl font-semibold" data-testid="cart-total" data-amount={total.toString()}>
              {money(total)}
            </dd>
          </div>
        </dl>
        <form action={formAction} className="mt-5">
          <input type="hidden" name="cart" value={JSON.stringify(lines)} />
          {state && 'error' in state && (
            <p role="alert" className="mb-3 rounded-lg bg-red-50 p-3 text-sm text-red-800" data-testid="checkout-error">
              {state.error === 'WALLET_API_ERROR'
                ? t('errors.WALLET_API_ERROR', { message: state.message })
                : t(`errors.${state.error}`)}
            </p>
          )}
          <button
            type="submit"
            disabled={pending}
            data-testid="checkout"
            className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-amber-700 px-4 text-base font-semibold text-white hover:bg-amber-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700"
          >
            {pending ? t('checkingOut') : t('checkout', { amount: money(total) })}
          </button>
          <p className="mt-3 text-xs leading-relaxed text-stone-500">{t('payNote')}</p>
        </form>
      </section>
    </div>
  );
}
