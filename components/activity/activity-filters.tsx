import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, type ActivityQuery, type ParsedActivityQuery } from './activity-query';
import { CONTROL_CLASS, LABEL_CLASS } from './field-styles';
import { DateInput } from '@/components/ui/date-input';

type Props = { query: ActivityQuery; errors: ParsedActivityQuery['errors'] };

/** A plain GET form: the filters end up in the URL, and it works before any script loads. */
export function ActivityFilters({ query, errors }: Props) {
  const t = useTranslations('activity');
  return (
    <form
      method="get"
      action="/activity"
      aria-label={t('filters.legend')}
      className="grid grid-cols-2 gap-3 md:grid-cols-[1fr_1fr_1fr_1fr_auto] md:items-end"
      data-testid="activity-filters"
    >
      <div className="flex flex-col gap-1.5">
        <label htmlFor="filter-kind" className={LABEL_CLASS}>
          {t('filters.kind')}
        </label>
        <select id="filter-kind" name="kind" defaultValue={query.kind ?? ''} className={CONTROL_CLASS}>
          <option value="">{t('filters.all')}</option>
          {ACTIVITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="filter-status" className={LABEL_CLASS}>
          {t('filters.status')}
        </label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ''} className={CONTROL_CLASS}>
          <option value="">{t('filters.all')}</option>
          {ACTIVITY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <DateField
        name="from"
        label={t('filters.from')}
        value={query.from}
        error={errors.from && t(`filters.errors.${errors.from}`)}
      />
      <DateField
        name="to"
        label={t('filters.to')}
        value={query.to}
        error={errors.to && t(`filters.errors.${errors.to}`)}
      />
      <div className="col-span-2 flex gap-2 md:col-span-1">
        <button type="submit" className={buttonVariants({ className: 'flex-1 md:flex-none' })}>
          {t('filters.apply')}
        </button>
        <Link href="/activity" className={buttonVariants({ variant: 'secondary', className: 'flex-1 md:flex-none' })}>
          {t('filters.reset')}
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
  const id = `filter-${name}`;
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
        <p id={`${id}-error`} className="text-sm text-danger" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
