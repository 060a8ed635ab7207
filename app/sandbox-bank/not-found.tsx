import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export default async function SandboxBankNotFound() {
  const t = await getTranslations('sandboxBank');
  return (
    <div className="flex flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-gray-600">404</p>
      <h1 className="text-xl font-semibold text-gray-900">{t('notFound')}</h1>
      <Link href="/sandbox-bank" className="font-semibold text-teal-800 underline">
        {t('account.back')}
      </Link>
    </div>
  );
}
