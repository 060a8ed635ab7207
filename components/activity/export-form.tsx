import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { buttonVariants } from '@/components/ui/button';
import { CONTROL_CLASS, LABEL_CLASS } from './field-styles';
import { DateInput } from '@/components/ui/date-input';

type Props = { defaultFrom: string; defaultTo: string };

/** A GET form to the CSV route: the browser downloads the answer and stays on the page. */
export function ExportForm({ defaultFrom, defaultTo }: Props) {
  const t = useTranslations('activity.export');
  return (
    <form
      method="get"
      action="/activity/export"
      className="flex flex-col gap-3"
      aria-labelledby="export-title"
      data-testid="export-form"
    >
      <div>
        <h2 id="export-title" className="font-semibold text-gray-900">
          {t('title')}
        </h2>
        <p className="text-sm text-gray-500">{t('hint')}</p>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-[1fr_1fr_auto] md:items-end">
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="export-from" className={LABEL_CLASS}>
            {t('from')}
          </label>
          <DateInput
            id="export-from"
            name="from"
            required
            defaultValue={defaultFrom}
            max={defaultTo}
            className={CONTROL_CLASS}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="export-to" className={LABEL_CLASS}>
            {t('to')}
          </label>
          <DateInput
            id="export-to"
            name="to"
            required
            defaultValue={defaultTo}
            max={defaultTo}
            className={CONTROL_CLASS}
          />
        </div>
        <button
          type="submit"
          className={buttonVariants({ variant: 'secondary', className: 'col-span-2 md:col-span-1' })}
        >
          <Download aria-hidden className="size-4" />
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
