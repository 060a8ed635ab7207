import { LogIn } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from '@/components/ui/button';

/** A signed-out visitor sees the order, and is asked to sign in and come back to this page. */
export function SignInToPay({ callbackPath, qr }: { callbackPath: string; qr: ReactNode }) {
  const t = useTranslations('checkout');
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h2 className="text-lg font-semibold text-gray-900">{t('signedOut.title')}</h2>
        <p className="text-gray-600">{t('signedOut.text')}</p>
      </div>
      <Link
        href={`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`}
        className={buttonVariants({ variant: 'primary', size: 'lg', block: true })}
        data-testid="sign-in-to-pay"
      >
        <LogIn aria-hidden className="size-4" />
        {t('signedOut.signIn')}
      </Link>
      <p className="text-center text-sm text-gray-600">
        {t('signedOut.noAccount')}{' '}
        <Link href="/sign-up" className="font-semibold text-brand-600 hover:underline">
          {t('signedOut.signUp')}
        </Link>
      </p>
      {/* Scanning is for moving from a computer to a phone: not shown on a phone. */}
      <div className="hidden flex-col items-center gap-2 border-t border-gray-100 pt-5 text-center md:flex">
        <h3 className="font-semibold text-gray-900">{t('qrTitle')}</h3>
        {qr}
        <p className="max-w-xs text-sm text-gray-600">{t('qrText')}</p>
      </div>
    </div>
  );
}
