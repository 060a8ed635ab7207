'use client';

import { Truck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { shipAction, type ShipState } from '../actions/ship-action';
import { CARRIERS } from '../shipping/carriers';

const field =
  'min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-amber-700 md:min-h-9 md:text-sm';

export function ShipForm({ storeOrderId }: { storeOrderId: string }) {
  const t = useTranslations('demoStore.owner');
  const id = useId();
  const [state, formAction, pending] = useActionState<ShipState, FormData>(shipAction, null);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end" data-testid="ship-form">
      <input type="hidden" name="storeOrderId" value={storeOrderId} />
      <div>
        <label htmlFor={`${id}-carrier`} className="mb-1 block text-sm font-semibold text-stone-700">
          {t('carrier')}
        </label>
        <select id={`${id}-carrier`} name="carrier" className={field} defaultValue={CARRIERS[0]}>
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-tracking`} className="mb-1 block text-sm font-semibold text-stone-700">
          {t('trackingNo')}
        </label>
        <input
          id={`${id}-tracking`}
          name="trackingNo"
          required
          maxLength={64}
          pattern="[A-Za-z0-9\-]{1,64}"
          autoComplete="off"
          placeholder={t('trackingPlaceholder')}
          className={field}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-amber-700 px-5 text-base font-semibold text-white hover:bg-amber-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 md:min-h-9 md:text-sm"
      >
        <Truck aria-hidden className="size-4" />
        {pending ? t('shipping') : t('ship')}
      </button>
      {state && 'error' in state && (
        <p
          role="alert"
          className="rounded-lg bg-red-50 p-3 text-sm text-red-800 sm:col-span-3"
          data-testid="ship-error"
        >
          {state.error === 'WALLET_API_ERROR'
            ? t('errors.WALLET_API_ERROR', { message: state.message })
            : t(`errors.${state.error}`)}
        </p>
      )}
    </form>
  );
}
