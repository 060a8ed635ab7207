import { FileText, ScanLine } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatMoney } from '@/ledger';
import { CopyButton } from '@/components/activity/copy-button';
import { AreaMessages } from '@/components/i18n/area-messages';
import { LinkQr } from '@/components/receive/link-qr';
import { ResetReceiveCodeButton } from '@/components/receive/reset-receive-code-button';
import { SetAmountForm } from '@/components/receive/set-amount-form';
import { Card } from '@/components/ui/card';
import { buttonVariants } from '@/components/ui/button';
import { PageHeader } from '@/components/wallet/page-header';
import { requireUser } from '@/server/auth/current-user';
import { MEMO_MAX } from '@/server/core/form-input';
import { db } from '@/server/db';
import { appUrl } from '@/server/env';
import { activeReceiveCode } from '@/server/receive/receive-codes';
import { readReceiveLinkParams, receiveCodePath, type ReceiveLinkParams } from '@/server/receive/receive-link-params';
import { toPageError, type PageError } from '@/server/receive/to-action-error';
import { maskName } from '@/lib/text/mask';

export async function generateMetadata() {
  return { title: (await getTranslations('receive.hub'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 收付款: my receive code (with 设置金额, save, reset), and the ways to 扫一扫 and 收款单. */
export default async function ReceivePage({ searchParams }: Props) {
  const user = await requireUser();
  const t = await getTranslations('receive');
  const locale = (await getLocale()) === 'en' ? 'en' : 'zh-CN';
  const search = await searchParams;
  let params: ReceiveLinkParams = { amount: null, memo: null };
  let paramError: PageError | null = null;
  try {
    params = readReceiveLinkParams(search);
  } catch (error) {
    paramError = toPageError(error);
    if (!paramError) throw error;
  }
  const code = await activeReceiveCode(db(), user.id);
  const path = receiveCodePath(code, params);
  const url = `${appUrl()}${path}`;
  const name = maskName(user.displayName);
  const png = `/receive/code.png${path.includes('?') ? path.slice(path.indexOf('?')) : ''}`;
  const amountText = params.amount === null ? null : formatMoney({ amount: params.amount, currency: 'CNY' }, locale);
  const typedAmount = typeof search.amount === 'string' ? search.amount : '';
  const typedMemo = typeof search.memo === 'string' ? search.memo : '';

  return (
    <AreaMessages area="receive">
      <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
        <PageHeader title={t('hub.title')} backLabel={t('hub.back')} />
        <div className="grid grid-cols-2 gap-3">
          <HubLink href="/scan" label={t('hub.scan')} hint={t('hub.scanHint')} icon="scan" />
          <HubLink href="/receive/requests" label={t('hub.requests')} hint={t('hub.requestsHint')} icon="requests" />
        </div>
        <Card className="flex flex-col items-center gap-4 text-center" data-testid="receive-code-card">
          <div className="flex flex-col gap-1">
            <h2 className="text-lg font-semibold text-gray-900">{t('code.heading')}</h2>
            <p className="text-gray-700" data-testid="receive-code-payee">
              {t('code.payee', { name })}
            </p>
          </div>
          {amountText ? (
            <div className="flex flex-col gap-0.5" data-testid="receive-code-amount">
              <p className="text-sm text-gray-600">{t('code.amountIs')}</p>
              <p className="tabular text-3xl font-semibold text-gray-900">{amountText}</p>
              {params.memo ? <p className="text-sm break-all text-gray-700">{params.memo}</p> : null}
            </div>
          ) : null}
          <LinkQr
            url={url}
            alt={t('code.qrAlt', { name })}
            size={256}
            className="aspect-square w-full max-w-64 rounded-lg border border-gray-200"
            testId="receive-code-qr"
          />
          <p className="max-w-xs text-sm text-gray-600">{t('code.instruction')}</p>
          <div className="flex w-full items-center gap-1 rounded-lg bg-gray-50 px-3 py-2 text-left">
            <span className="sr-only">{t('code.link')}</span>
            <span className="min-w-0 flex-1 truncate text-sm text-gray-700" data-testid="receive-code-url">
              {url}
            </span>
            <CopyButton value={url} label={t('code.copyLink')} />
          </div>
          <div className="grid w-full grid-cols-2 gap-3">
            <a
              href={png}
              download="receive-code.png"
              className={buttonVariants({ variant: 'secondary' })}
              data-testid="save-receive-code"
            >
              {t('code.save')}
            </a>
            {params.amount !== null ? (
              <Link href="/receive" className={buttonVariants({ variant: 'secondary' })}>
                {t('code.clearAmount')}
              </Link>
            ) : (
              <a href="#set-amount" className={buttonVariants({ variant: 'secondary' })}>
                {t('code.setAmount')}
              </a>
            )}
          </div>
          <ResetReceiveCodeButton />
        </Card>
        <Card>
          <SetAmountForm amount={typedAmount} memo={typedMemo} memoMax={MEMO_MAX} error={paramError} />
        </Card>
      </div>
    </AreaMessages>
  );
}

function HubLink({
  href,
  label,
  hint,
  icon,
}: {
  href: string;
  label: string;
  hint: string;
  icon: 'scan' | 'requests';
}) {
  const Icon = icon === 'scan' ? ScanLine : FileText;
  return (
    <Link
      href={href}
      className="flex flex-col gap-1 rounded-2xl border border-gray-200 bg-white p-4 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <Icon aria-hidden className="size-7 text-brand-600" />
      <span className="font-semibold text-gray-900">{label}</span>
      <span className="text-sm text-gray-600">{hint}</span>
    </Link>
  );
}
