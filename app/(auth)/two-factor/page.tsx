import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { TwoFactorDisableForm } from '@/components/two-factor/two-factor-disable';
import { TwoFactorEnrolmentForm } from '@/components/two-factor/two-factor-enrolment';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { twoFactorEnabled, unusedRecoveryCodeCount } from '@/server/auth/two-factor/two-factor';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('twoFactor'))('title') };
}

/**
 * Two-factor sign-in (authenticator app). Admins are sent here until they have it: it is the
 * only page an admin without it reaches.
 */
export default async function TwoFactorPage() {
  const user = await requireUser();
  const t = await getTranslations('twoFactor');
  const enabled = await twoFactorEnabled(db(), user.id);
  return (
    <Card className="p-6">
      <h1 className="mb-2 text-xl font-semibold text-gray-900">{t('title')}</h1>
      {user.role === 'ADMIN' && !enabled ? (
        <p className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="two-factor-required">
          {t('adminRequired')}
        </p>
      ) : null}
      {enabled ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-gray-700" data-testid="two-factor-on">
            {t('onStatus', { count: await unusedRecoveryCodeCount(db(), user.id) })}
          </p>
          {user.role === 'ADMIN' ? (
            <p className="text-sm text-gray-600">{t('adminKeeps')}</p>
          ) : (
            <TwoFactorDisableForm />
          )}
          <Link href="/me" className="text-sm font-semibold text-brand-600 hover:underline">
            {t('back')}
          </Link>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <TwoFactorEnrolmentForm />
          {/* A customer came here from 我的 and may leave; an admin without it has nowhere else to go. */}
          {user.role === 'ADMIN' ? null : (
            <Link href="/me" className="text-sm font-semibold text-brand-600 hover:underline">
              {t('back')}
            </Link>
          )}
        </div>
      )}
    </Card>
  );
}
