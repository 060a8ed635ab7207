import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

const NOTICES = new Set(['verified', 'reset']);

/** After a sign-up link or a password reset sends the person to sign in: what just happened. */
export async function SignInNotice({ notice }: { notice: string | string[] | undefined }) {
  if (typeof notice !== 'string' || !NOTICES.has(notice)) return null;
  const t = await getTranslations('account.notice');
  return (
    <p
      role="status"
      data-testid="sign-in-notice"
      className="mb-4 rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800"
    >
      {t(notice)}
    </p>
  );
}

/** "Forgot your password?" and "No verification mail?" under the sign-in form. */
export async function SignInHelpLinks() {
  const t = await getTranslations('account.links');
  return (
    <p className="mt-4 flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm">
      <Link
        href="/forgot-password"
        className="inline-flex min-h-11 items-center font-semibold text-brand-600 hover:underline"
      >
        {t('forgotPassword')}
      </Link>
      <Link
        href="/sign-up/resend"
        className="inline-flex min-h-11 items-center font-semibold text-brand-600 hover:underline"
      >
        {t('resend')}
      </Link>
    </p>
  );
}
