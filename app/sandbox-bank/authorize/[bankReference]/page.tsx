import { getLocale, getTranslations } from 'next-intl/server';
import { bankPageTitle } from '@/sandbox-bank/ui/bank-page-title';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { maskAccountNumber } from '@/sandbox-bank/accounts/mask-account-number';
import { sandboxBankPool } from '@/sandbox-bank/db/pool';
import { getDebitForPage } from '@/sandbox-bank/requests/authorise-debit';
import { BANK_REFERENCE_PATTERN } from '@/sandbox-bank/requests/bank-reference';
import { AuthoriseForm } from '@/sandbox-bank/ui/authorise-form';
import { DebitOutcomePanel } from '@/sandbox-bank/ui/debit-outcome-panel';
import { bankMoney, formatShanghaiDateTime } from '@/sandbox-bank/ui/format';
import { CodeSentNotice } from '@/sandbox-bank/ui/code-sent-notice';
import { CopyReferenceButton } from '@/sandbox-bank/ui/copy-reference-button';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ bankReference: string }> };

export async function generateMetadata() {
  return bankPageTitle((await getTranslations('sandboxBank.authorize'))('title'));
}

export default async function AuthorizePage({ params }: Props) {
  const { bankReference } = await params;
  if (!BANK_REFERENCE_PATTERN.test(bankReference)) notFound();
  const debit = await getDebitForPage(sandboxBankPool(), bankReference);
  if (!debit) notFound();
  const t = await getTranslations('sandboxBank.authorize');
  const locale = await getLocale();
  const amountText = bankMoney(debit.amount, locale);

  return (
    <div className="mx-auto w-full max-w-md">
      <section
        className="rounded-2xl border border-gray-200/70 bg-white p-5 shadow-sm md:p-6"
        aria-labelledby="authorize-title"
      >
        <h1 id="authorize-title" className="text-lg font-semibold text-gray-900">
          {t('title')}
        </h1>
        <p className="mt-4 text-sm text-gray-600">{t('amount')}</p>
        <p className="text-3xl font-semibold text-gray-900 tabular" data-testid="debit-amount">
          {amountText}
        </p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-base md:text-sm">
          <dt className="text-gray-600">{t('payee')}</dt>
          <dd className="font-semibold text-gray-900" data-testid="debit-payee">
            {debit.payee}
          </dd>
          <dt className="text-gray-600">{t('account')}</dt>
          <dd className="font-mono text-gray-900 tabular" data-testid="debit-account">
            {maskAccountNumber(debit.accountNumber)}
          </dd>
          {debit.description ? (
            <>
              <dt className="text-gray-600">{t('description')}</dt>
              <dd className="text-gray-900" data-testid="debit-description">
                {debit.description}
              </dd>
            </>
          ) : null}
          {/* The bank's own 流水号: short, unambiguous to read out, and the one the wallet shows too. */}
          <dt className="text-gray-600">{t('reference')}</dt>
          <dd className="flex min-w-0 items-center gap-1 text-gray-900">
            <span className="font-mono break-all tabular" data-testid="debit-reference">
              {debit.bankReference}
            </span>
            <CopyReferenceButton value={debit.bankReference} />
          </dd>
        </dl>
        {debit.status === 'AWAITING_AUTHORISATION' ? (
          <>
            <p className="mt-4 text-sm text-gray-600">
              {t('expiresAt', { time: formatShanghaiDateTime(debit.expiresAt) })}
            </p>
            <CodeSentNotice maskedPhone={debit.maskedPhone} serial={debit.codeSerial} />
            <AuthoriseForm
              bankReference={debit.bankReference}
              amountText={amountText}
              nonce={(await headers()).get('x-nonce') ?? undefined}
            />
          </>
        ) : (
          <DebitOutcomePanel
            status={debit.status}
            failureReason={debit.failureReason}
            redirectUrl={debit.redirectUrl}
          />
        )}
      </section>
    </div>
  );
}
