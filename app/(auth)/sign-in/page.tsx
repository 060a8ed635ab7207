import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Card } from '@/components/ui/card';
import { getCurrentUser } from '@/server/auth/current-user';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signIn') };
}

// Only same-site paths are accepted as a place to return to (no open redirect).
function safeCallback(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (await getCurrentUser()) redirect(safeCallback(params.callbackUrl));
  const t = await getTranslations('auth');
  return (
    <Card className="p-6">
      <h1 className="mb-6 text-xl font-semibold text-gray-900">{t('signInTitle')}</h1>
      <SignInForm callbackUrl={safeCallback(params.callbackUrl)} />
    </Card>
  );
}
