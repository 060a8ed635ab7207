import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode } from '@/ledger';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { AdminTime } from '@/components/admin/admin-time';
import { KeyValue, SectionCard } from '@/components/admin/section-card';
import { BalanceLines } from '@/components/admin/users/balance-lines';
import { FreezeForm } from '@/components/admin/users/freeze-form';
import { OperationStatusBadge } from '@/components/admin/users/operation-status-badge';
import { RoleBadge, UserStatusBadge } from '@/components/admin/users/user-status-badge';
import { Amount } from '@/components/money/amount';
import { endedQuietly } from '@/lib/activity/operation-outcome';
import { PageHeader } from '@/components/wallet/page-header';
import { getUserDetailOrThrow, type AdminUserDetail } from '@/server/admin/users/get-user-detail-or-throw';
import { requireRole } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { NotFoundError } from '@/server/core/domain-errors';

export async function generateMetadata() {
  return { title: (await getTranslations('adminUsers'))('detailTitle') };
}

/** From the user's side: top-ups, refunds and transfers received come in; the rest goes out. */
function moneyIn(op: AdminUserDetail['recentOperations'][number]): boolean {
  return op.incoming || op.kind === 'TOP_UP' || op.kind === 'REFUND';
}

export default async function AdminUserDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireRole('ADMIN');
  const { id } = await params;
  let user: AdminUserDetail;
  try {
    user = await getUserDetailOrThrow(db(), admin.id, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const t = await getTranslations('adminUsers');
  const common = await getTranslations('adminCommon');
  const merchantT = await getTranslations('adminMerchants.statuses');
  const auditT = await getTranslations('adminAudit.actions');

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t('detailTitle')} backHref="/admin/users" backLabel={common('back')} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 lg:items-start">
        <SectionCard title={t('profile')} data-testid="admin-user-profile">
          <dl>
            <KeyValue label={t('displayName')}>{user.displayName}</KeyValue>
            <KeyValue label={t('email')} testId="admin-user-email">
              {user.email}
            </KeyValue>
            <KeyValue label={t('userId')}>
              <span className="font-mono text-sm break-all">{user.id}</span>
            </KeyValue>
            <KeyValue label={t('role')}>
              <RoleBadge role={user.role} />
            </KeyValue>
            <KeyValue label={t('status')}>
              <span className="flex flex-wrap items-center gap-2">
                <UserStatusBadge frozen={user.frozenAt !== null} />
                {user.frozenAt && (
                  <span className="text-sm text-gray-600 tabular">
                    {t('frozenSince', { time: formatShanghaiSecond(user.frozenAt) })}
                  </span>
                )}
              </span>
              {user.signInNeedsCode && <p className="text-sm text-gray-600">{t('signInNeedsCode')}</p>}
            </KeyValue>
            <KeyValue label={t('createdAt')}>
              <AdminTime at={user.createdAt} />
            </KeyValue>
            <KeyValue label={t('bankAccounts')}>{t('bankAccountCount', { count: user.bankAccountCount })}</KeyValue>
          </dl>
        </SectionCard>

        <div className="flex flex-col gap-4">
          <SectionCard title={t('balances')}>
            <div className="flex flex-col gap-3">
              <BalanceLines
                title={t('walletAccount')}
                code={`${userWalletCode(user.id)} · ${DEFAULT_CURRENCY}`}
                balance={user.wallet}
                testId="admin-user-wallet"
              />
              {user.merchant && (
                <BalanceLines
                  title={t('merchantAccount')}
                  code={`${merchantBalanceCode(user.merchant.id)} · ${DEFAULT_CURRENCY}`}
                  balance={user.merchant.balance}
                  testId="admin-user-merchant-balance"
                />
              )}
            </div>
          </SectionCard>
          <SectionCard title={user.frozenAt ? t('unfreezeTitle') : t('freezeTitle')} data-testid="admin-user-freeze">
            {user.role === 'ADMIN' && !user.frozenAt ? (
              <p className="text-sm text-gray-600">{t('adminNotFreezable')}</p>
            ) : (
              <FreezeForm userId={user.id} frozen={user.frozenAt !== null} />
            )}
          </SectionCard>
        </div>

        <SectionCard title={t('merchantProfile')}>
          {user.merchant ? (
            <dl>
              <KeyValue label={t('shopName')}>{user.merchant.shopName}</KeyValue>
              <KeyValue label={t('merchantStatusLabel')}>
                <Link href="/admin/merchants" className="text-brand-600 underline-offset-2 hover:underline">
                  {merchantT(user.merchant.status)}
                </Link>
              </KeyValue>
              <KeyValue label={t('appliedAt')}>
                <AdminTime at={user.merchant.createdAt} />
              </KeyValue>
              {user.merchant.decidedAt && (
                <KeyValue label={t('decidedAt')}>
                  <AdminTime at={user.merchant.decidedAt} />
                </KeyValue>
              )}
            </dl>
          ) : (
            <p className="text-sm text-gray-500">{t('noMerchant')}</p>
          )}
        </SectionCard>

        <SectionCard title={t('recentActivity')} data-testid="admin-user-activity">
          {user.recentOperations.length === 0 ? (
            <p className="text-sm text-gray-500">{t('noActivity')}</p>
          ) : (
            <ul className="divide-y divide-gray-100">
              {user.recentOperations.map((op) => (
                <li key={op.id} className="flex items-center gap-3 py-2.5">
                  <div className="min-w-0 flex-1">
                    <p className="font-semibold text-gray-900">
                      {t(`operationKinds.${op.kind}`)}
                      {op.incoming && <span className="ml-1 text-sm font-normal text-gray-500">({t('incoming')})</span>}
                    </p>
                    <p className="text-sm text-gray-500">
                      <AdminTime at={op.createdAt} />
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    {/* What it did to the balance, fee included; cancelled or closed moved nothing: no sign. */}
                    {endedQuietly(op.outcome) ? (
                      <Amount amount={op.amount} currency={DEFAULT_CURRENCY} className="font-semibold text-gray-500" />
                    ) : (
                      <Amount
                        amount={moneyIn(op) ? op.amount : -(op.amount + op.fee)}
                        currency={DEFAULT_CURRENCY}
                        signed
                        className={op.outcome === 'FAILED' ? 'font-semibold text-gray-500' : 'font-semibold'}
                      />
                    )}
                    <span className="flex items-center gap-2">
                      {op.outcome !== 'SUCCEEDED' && <OperationStatusBadge status={op.outcome} />}
                      {op.ledgerEntryId && (
                        <Link
                          href={`/admin/entries/${op.ledgerEntryId}`}
                          className="text-sm text-brand-600 underline-offset-2 hover:underline"
                        >
                          {t('viewEntry')}
                        </Link>
                      )}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </SectionCard>

        <SectionCard title={t('recentAudit')} className="lg:col-span-2" data-testid="admin-user-audit">
          {user.recentAudit.length === 0 ? (
            <p className="text-sm text-gray-500">{t('noAudit')}</p>
          ) : (
            <ul className="divide-y divide-gray-100">
              {user.recentAudit.map((event) => (
                <li key={event.id} className="flex flex-col gap-0.5 py-2.5 sm:flex-row sm:items-baseline sm:gap-4">
                  <AdminTime at={event.createdAt} className="shrink-0 text-sm text-gray-500 tabular" />
                  <span className="font-semibold text-gray-900">
                    {auditT.has(event.action) ? auditT(event.action) : event.action}
                  </span>
                  <span className="text-sm text-gray-600">{event.actorEmail ?? ''}</span>
                  {event.note && <span className="min-w-0 break-words text-sm text-gray-700">「{event.note}」</span>}
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
      </div>
    </div>
  );
}
