import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignInHelpLinks, SignInNotice } from '@/components/account/sign-in-extras';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Card } from '@/components/ui/card';
import { getCurrentUser } from '@/server/auth/current-user';
import { safeCallback } from '@/server/auth/safe-callback';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signIn') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  if (await getCurrentUser()) redirect(safeCallback(params.callbackUrl));
  const t = await getTranslations('auth');
  return (
    <Card className="p-6">
      <h1 className="mb-6 text-xl font-semibold text-gray-900">{t('signInTitle')}</h1>
      <SignInNotice notice={params.notice} />
      <SignInForm callbackUrl={safeCallback(params.callbackUrl)} />
      <SignInHelpLinks />
    </Card>
  );
}
