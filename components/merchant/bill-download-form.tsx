'use client';

import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CONTROL_CLASS, LABEL_CLASS } from '@/components/activity/field-styles';
import { buttonVariants } from '@/components/ui/button';

/** Pick a Shanghai day (today or before) → a plain link to the CSV, so the browser downloads it. */
export function BillDownloadForm({ today }: { today: string }) {
  const t = useTranslations('merchantDashboard.bills');
  const [date, setDate] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && date <= today;
  return (
    <div className="flex flex-col gap-3 md:flex-row md:items-end">
      <div className="flex flex-col gap-1.5 md:w-56">
        <label htmlFor="bill-date" className={LABEL_CLASS}>
          {t('date')}
        </label>
        <input
          id="bill-date"
          type="date"
          value={date}
          max={today}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={valid ? undefined : true}
          aria-describedby={valid ? undefined : 'bill-date-error'}
          className={CONTROL_CLASS}
        />
        {!valid && (
          <p id="bill-date-error" className="text-sm text-danger">
            {t('invalidDate')}
          </p>
        )}
      </div>
      {valid ? (
        <a href={`/merchant/bills/${date}`} download className={buttonVariants({})} data-testid="bill-download">
          <Download aria-hidden className="size-4" />
          {t('download')}
        </a>
      ) : (
        <span aria-disabled className={buttonVariants({ className: 'cursor-not-allowed opacity-50' })}>
          <Download aria-hidden className="size-4" />
          {t('download')}
        </span>
      )}
    </div>
  );
}
