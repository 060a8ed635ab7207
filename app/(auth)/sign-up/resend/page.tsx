import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { resendSignUpMailAction } from '@/app/actions/account-door';
import { EmailRequestForm } from '@/components/account/email-request-form';
import { Card } from '@/components/ui/card';

export async function generateMetadata() {
  return { title: (await getTranslations('account.resend'))('title') };
}

export default async function ResendSignUpMailPage() {
  const t = await getTranslations('account.resend');
  const tc = await getTranslations('account.checkEmail');
  return (
    <Card className="p-6">
      <h1 className="mb-2 text-xl font-semibold text-gray-900">{t('title')}</h1>
      <p className="mb-6 text-sm text-gray-600">{t('intro')}</p>
      <EmailRequestForm
        action={resendSignUpMailAction}
        texts={{ submit: t('submit'), sending: t('sending'), done: t('done') }}
      />
      <p className="mt-4 text-center text-sm">
        <Link href="/sign-in" className="font-semibold text-brand-600 hover:underline">
          {tc('backToSignIn')}
        </Link>
      </p>
    </Card>
  );
}
