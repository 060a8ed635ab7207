import { BookOpen } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';
import { ApiKeysPanel } from '@/components/merchant/api-keys-panel';
import { PinSetupGate } from '@/components/pin/pin-setup-gate';
import { WebhookSecretPanel, WebhookUrlForm } from '@/components/merchant/webhook-settings';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { db } from '@/server/db';
import { listApiKeys } from '@/server/merchants/api-keys';
import { requireMerchant } from '@/server/merchants/require-merchant';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';

export async function generateMetadata() {
  return { title: (await getTranslations('merchantDashboard.developers'))('title') };
}

/** Where the public API docs page lives (built by the API helper). */
const API_DOCS_HREF = '/docs/api';

export default async function MerchantDevelopersPage() {
  const { user, merchant } = await requireMerchant();
  const t = await getTranslations('merchantDashboard.developers');
  const [keys, pin] = await Promise.all([listApiKeys(db(), merchant.id), paymentPinStatus(db(), user.id)]);
  const tp = await getTranslations('pin');
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
        <Link href={API_DOCS_HREF} className={buttonVariants({ variant: 'secondary' })}>
          <BookOpen aria-hidden className="size-4" />
          {t('docs')}
        </Link>
      </div>
      {pin.isSet ? null : (
        // Creating keys and seeing the signing secret need the payment PIN: set it here first.
        <Card>
          <PinSetupGate isSet={false} action="developers">
            <p className="text-sm text-green-700" role="status">
              {tp('setup.done')}
            </p>
          </PinSetupGate>
        </Card>
      )}
      <Card className="flex flex-col gap-3">
        <h2 className="font-semibold text-gray-900">{t('apiKeys')}</h2>
        <p className="text-sm text-gray-600">{t('apiKeysIntro')}</p>
        <ApiKeysPanel
          keys={keys.map((k) => ({
            id: k.id,
            prefix: k.prefix,
            label: k.label,
            createdAt: formatShanghaiMinute(k.createdAt),
            lastUsedAt: k.lastUsedAt ? formatShanghaiMinute(k.lastUsedAt) : null,
            revokedAt: k.revokedAt ? formatShanghaiMinute(k.revokedAt) : null,
          }))}
        />
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="font-semibold text-gray-900">{t('webhook')}</h2>
        <p className="text-sm text-gray-600">{t('webhookIntro')}</p>
        <WebhookUrlForm webhookUrl={merchant.webhookUrl} />
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="font-semibold text-gray-900">{t('secret')}</h2>
        <p className="text-sm text-gray-600">{t('secretIntro')}</p>
        <WebhookSecretPanel />
      </Card>
    </div>
  );
}
