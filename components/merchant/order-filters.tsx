import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { CONTROL_CLASS, LABEL_CLASS } from '@/components/activity/field-styles';
import { buttonVariants } from '@/components/ui/button';
import { ORDER_STATUSES } from '@/lib/orders/order-statuses';
import type { OrderQuery, OrderQueryErrors } from './order-query';
import { DateInput } from '@/components/ui/date-input';

/** A plain GET form: the filters live in the URL and work before any script loads. */
export function OrderFilters({ query, errors }: { query: OrderQuery; errors: OrderQueryErrors }) {
  const t = useTranslations('merchantDashboard.orders');
  const ts = useTranslations('merchantDashboard.status');
  return (
    <form
      method="get"
      action="/merchant/orders"
      aria-label={t('filters')}
      className="grid grid-cols-2 gap-3 md:grid-cols-[1.4fr_1fr_1fr_1fr_auto] md:items-end"
      data-testid="order-filters"
    >
      <div className="col-span-2 flex flex-col gap-1.5 md:col-span-1">
        <label htmlFor="order-q" className={LABEL_CLASS}>
          {t('search')}
        </label>
        <input
          id="order-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          placeholder={t('searchPlaceholder')}
          maxLength={64}
          autoComplete="off"
          className={CONTROL_CLASS}
        />
      </div>
      <div className="col-span-2 flex flex-col gap-1.5 md:col-span-1">
        <label htmlFor="order-status" className={LABEL_CLASS}>
          {t('status')}
        </label>
        <select id="order-status" name="status" defaultValue={query.status ?? ''} className={CONTROL_CLASS}>
          <option value="">{t('all')}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </select>
      </div>
      <DateField name="from" label={t('from')} value={query.from} error={errors.from && t(errors.from)} />
      <DateField name="to" label={t('to')} value={query.to} error={errors.to && t(errors.to)} />
      <div className="col-span-2 flex gap-2 md:col-span-1">
        <button type="submit" className={buttonVariants({ className: 'flex-1 md:flex-none' })}>
          {t('apply')}
        </button>
        <Link
          href="/merchant/orders"
          className={buttonVariants({ variant: 'secondary', className: 'flex-1 md:flex-none' })}
        >
          {t('reset')}
        </Link>
      </div>
    </form>
  );
}

function DateField({
  name,
  label,
  value,
  error,
}: {
  name: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
}) {
  const id = `order-${name}`;
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className={LABEL_CLASS}>
        {label}
      </label>
      <DateInput
        id={id}
        name={name}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={CONTROL_CLASS}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
