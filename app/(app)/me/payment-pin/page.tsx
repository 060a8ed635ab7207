import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';
import { formatLockTime } from '@/components/pin/format-lock-time';
import { SetPinThenContinue } from '@/components/pin/set-pin-then-continue';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';
import { safeCallback } from '@/server/auth/safe-callback';
import { db } from '@/server/db';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';

export async function generateMetadata() {
  return { title: (await getTranslations('pin.page'))('title') };
}

type Search = { next?: string | string[] };

/** 支付密码: set it (then back to `next`), or see that it is set or locked and reset it. */
export default async function PaymentPinPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const t = await getTranslations('pin');
  const search = await searchParams;
  const next = search.next ? safeCallback(search.next) : null;
  const [status, row] = await Promise.all([
    paymentPinStatus(db(), user.id),
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { pinSetAt: true } }),
  ]);
  const resetHref = `/me/payment-pin/reset${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader title={t('page.title')} backLabel={(await getTranslations('walletPage'))('back')} />
      <Card className="flex flex-col gap-4">
        {status.isSet ? (
          <>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm" data-testid="pin-status">
              <dt className="text-gray-500">{t('page.status')}</dt>
              <dd className="text-gray-900">
                {status.lockedUntil
                  ? t('page.lockedUntil', { time: formatLockTime(status.lockedUntil) })
                  : t('page.isSet')}
              </dd>
              {row.pinSetAt ? (
                <>
                  <dt className="text-gray-500">{t('page.setAt')}</dt>
                  <dd className="text-gray-900 tabular">{formatShanghaiMinute(row.pinSetAt)}</dd>
                </>
              ) : null}
            </dl>
            <p className="text-sm text-gray-600">{t('page.resetHint')}</p>
            <Link href={resetHref} className={buttonVariants({ variant: 'secondary', className: 'self-start' })}>
              {t('page.reset')}
            </Link>
          </>
        ) : (
          <>
            <h2 className="text-lg font-semibold text-gray-900">{t('setup.title')}</h2>
            <p className="text-sm text-gray-600">{t('setup.intro')}</p>
            <SetPinThenContinue next={next} />
          </>
        )}
      </Card>
    </div>
  );
}
