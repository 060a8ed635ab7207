'use client';

import { MailCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';

/** What every valid sign-up sees, whether the address was free or not. */
export function CheckEmailPanel({ email }: { email: string }) {
  const t = useTranslations('account.checkEmail');
  return (
    <div role="status" data-testid="check-email" className="flex flex-col items-center gap-3 text-center">
      <MailCheck aria-hidden className="size-10 text-brand-600" />
      <h2 className="text-lg font-semibold text-gray-900">{t('title')}</h2>
      <p className="text-sm text-gray-700 wrap-anywhere">{t('body', { email })}</p>
      <p className="text-sm text-gray-600">
        {t('hint')}{' '}
        <Link href="/sign-up/resend" className="inline-block font-semibold text-brand-600 hover:underline">
          {t('resend')}
        </Link>
      </p>
      <Link href="/sign-in" className="text-sm font-semibold text-brand-600 hover:underline">
        {t('backToSignIn')}
      </Link>
    </div>
  );
}
