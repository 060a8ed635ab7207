import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ConfirmSignUpForm } from '@/components/account/confirm-sign-up-form';
import { Card } from '@/components/ui/card';
import { findPendingSignUp } from '@/server/auth/confirm-sign-up';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('account.verify'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The sign-up mail's link. Opening it changes nothing; the button opens the account. */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const t = await getTranslations('account.verify');
  const pending = typeof token === 'string' ? await findPendingSignUp(db(), token) : null;
  if (!pending || typeof token !== 'string') {
    return (
      <Card className="p-6">
        <h1 className="mb-2 text-xl font-semibold text-gray-900">{t('invalidTitle')}</h1>
        <p className="mb-6 text-sm text-gray-600" data-testid="link-invalid">
          {t('invalidBody')}
        </p>
        <div className="flex flex-col gap-2 text-center text-sm">
          <Link href="/sign-up/resend" className="font-semibold text-brand-600 hover:underline">
            {(await getTranslations('account.checkEmail'))('resend')}
          </Link>
          <Link href="/sign-up" className="font-semibold text-brand-600 hover:underline">
            {t('signUpAgain')}
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card className="p-6">
      <h1 className="mb-2 text-xl font-semibold text-gray-900">{t('title')}</h1>
      <p className="mb-6 text-sm text-gray-600 wrap-anywhere">{t('intro', { email: pending.email })}</p>
      <ConfirmSignUpForm token={token} />
    </Card>
  );
}
