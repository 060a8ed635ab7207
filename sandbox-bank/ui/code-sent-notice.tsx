import { FlaskConical, MessageSquareText } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

type Props = { maskedPhone: string; serial: string | null };

/**
 * Where the code went (the phone on file, masked, and the text's serial), and — in a sandbox
 * box, apart from the flow — where a tester finds that phone: the simulated phones behind the
 * operator's sign-in. The code itself is never on this page.
 */
export async function CodeSentNotice({ maskedPhone, serial }: Props) {
  const t = await getTranslations('sandboxBank.authorize');
  return (
    <>
      <p
        className="mt-5 flex items-start gap-2 rounded-lg bg-teal-50 px-3 py-2 text-sm text-gray-800"
        data-testid="code-sent"
      >
        <MessageSquareText aria-hidden className="mt-0.5 size-4 shrink-0 text-teal-800" />
        <span>
          {serial ? t('codeSent', { phone: maskedPhone, serial }) : t('codeSentNoSerial', { phone: maskedPhone })}
        </span>
      </p>
      <div
        className="my-4 rounded-xl border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        data-testid="sandbox-phone-hint"
      >
        <p className="flex items-center gap-1.5 font-semibold">
          <FlaskConical aria-hidden className="size-4" />
          {t('sandboxBoxTitle')}
        </p>
        <p className="mt-1">
          {t('sandboxPhoneHint')}{' '}
          <Link href="/sandbox-bank/phone" target="_blank" className="font-semibold underline">
            {t('sandboxPhoneLink')}
          </Link>
        </p>
      </div>
    </>
  );
}
