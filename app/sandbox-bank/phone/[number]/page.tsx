import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { sandboxBankPool } from '@/sandbox-bank/db/pool';
import { requireOperatorPage } from '@/sandbox-bank/operator/require-operator';
import { findHolderPhone, phoneMessages } from '@/sandbox-bank/phone/read-phone';
import { maskPhone } from '@/sandbox-bank/phone/send-text';
import { bankPageTitle } from '@/sandbox-bank/ui/bank-page-title';
import { formatShanghaiDateTime } from '@/sandbox-bank/ui/format';
import { OperatorSignOut } from '@/sandbox-bank/ui/operator-sign-out';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata() {
  return bankPageTitle((await getTranslations('sandboxBank.phone'))('title'));
}

/**
 * 手机短信（模拟）: the texts the holder of this account received, drawn as a phone. It stands
 * for a device only the holder has, so it sits behind the bank operator's sign-in: the card
 * number on the bank's public list is not enough to read a code. (A per-phone secret URL was
 * the other choice; it leaks through history, logs and Referer, and is one more secret per
 * holder to hand out. In a sandbox the tester who plays every holder is its operator.)
 */
export default async function PhonePage({ params }: Props) {
  const { number } = await params;
  if (!/^\d{16,19}$/.test(number)) notFound();
  await requireOperatorPage(`/sandbox-bank/phone/${number}`);
  const pool = sandboxBankPool();
  const holder = await findHolderPhone(pool, number);
  if (!holder) notFound();
  const messages = await phoneMessages(pool, holder.phone);
  const t = await getTranslations('sandboxBank.phone');
  return (
    <>
      <OperatorSignOut />
      <Link
        href="/sandbox-bank/phone"
        className="mb-3 inline-flex min-h-11 items-center text-sm font-semibold text-teal-800 hover:underline"
      >
        ← {t('back')}
      </Link>
      <div
        className="mx-auto w-full max-w-sm rounded-[2.5rem] border-8 border-gray-900 bg-gray-900 shadow-xl"
        data-testid="phone"
      >
        <div className="rounded-[2rem] bg-gray-100">
          <div className="flex justify-center pt-2" aria-hidden>
            <span className="h-1.5 w-16 rounded-full bg-gray-300" />
          </div>
          <div className="border-b border-gray-200 px-4 pt-2 pb-3 text-center">
            <h1 className="text-base font-semibold text-gray-900">{t('title')}</h1>
            <p className="text-sm text-gray-600" data-testid="phone-number">
              {holder.holderName} · {maskPhone(holder.phone)}
            </p>
          </div>
          <ol className="flex min-h-80 flex-col gap-3 px-3 py-4" data-testid="sms-list" aria-label={t('inbox')}>
            {messages.length === 0 ? <li className="py-10 text-center text-sm text-gray-600">{t('empty')}</li> : null}
            {messages.map((m) => (
              <li
                key={m.id.toString()}
                data-testid="sms-message"
                data-serial={m.serial}
                className="flex flex-col gap-1"
              >
                <span className="text-center text-xs text-gray-600 tabular">{formatShanghaiDateTime(m.sentAt)}</span>
                <p
                  className="max-w-[90%] rounded-2xl rounded-tl-sm bg-white px-3 py-2 text-sm text-gray-900 shadow-sm"
                  lang="zh-CN"
                >
                  {m.body}
                </p>
              </li>
            ))}
          </ol>
        </div>
      </div>
      <p className="mx-auto mt-4 max-w-sm text-center text-sm text-gray-600">{t('refreshHint')}</p>
    </>
  );
}
