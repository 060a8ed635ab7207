import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/account/reset-password-form';
import { Card } from '@/components/ui/card';
import { isPasswordResetUsable } from '@/server/auth/password-reset';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('account.reset'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reset mail's link: the new-password form while the link can be used. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const t = await getTranslations('account.reset');
  if (typeof token !== 'string' || !(await isPasswordResetUsable(db(), token))) {
    return (
      <Card className="p-6">
        <h1 className="mb-2 text-xl font-semibold text-gray-900">{t('invalidTitle')}</h1>
        <p className="mb-6 text-sm text-gray-600" data-testid="link-invalid">
          {t('invalidBody')}
        </p>
        <Link
          href="/forgot-password"
          className="block text-center text-sm font-semibold text-brand-600 hover:underline"
        >
          {t('requestAgain')}
        </Link>
      </Card>
    );
  }
  return (
    <Card className="p-6">
      <h1 className="mb-2 text-xl font-semibold text-gray-900">{t('title')}</h1>
      <p className="mb-6 text-sm text-gray-600">{t('intro')}</p>
      <ResetPasswordForm token={token} />
    </Card>
  );
}
