import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SessionList } from '@/components/account/session-list';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUserSession } from '@/server/auth/current-user';
import { listActiveSessions } from '@/server/auth/sessions';
import { db } from '@/server/db';

export async function generateMetadata() {
  return { title: (await getTranslations('account.security'))('title') };
}

export default async function SecurityPage() {
  const { user, sessionId } = await requireUserSession();
  const t = await getTranslations('account.security');
  const sessions = await listActiveSessions(db(), user.id);
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader title={t('title')} backHref="/me" backLabel={t('back')} />
      <Card>
        <h2 className="mb-1 font-semibold text-gray-900">{t('sessions')}</h2>
        <p className="mb-2 text-sm text-gray-500">{t('sessionsIntro')}</p>
        <SessionList sessions={sessions} currentSessionId={sessionId} />
      </Card>
      <Card>
        <h2 className="mb-1 font-semibold text-gray-900">{t('changePassword')}</h2>
        <p className="mb-4 text-sm text-gray-500">{t('changeIntro')}</p>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
