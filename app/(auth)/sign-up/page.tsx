import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { Card } from '@/components/ui/card';
import { getCurrentUser } from '@/server/auth/current-user';

export async function generateMetadata() {
  return { title: (await getTranslations('auth'))('signUp') };
}

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect('/');
  const t = await getTranslations('auth');
  return (
    <Card className="p-6">
      <h1 className="mb-6 text-xl font-semibold text-gray-900">{t('signUpTitle')}</h1>
      <SignUpForm />
    </Card>
  );
}
