import { FlaskConical } from 'lucide-react';
import { getTranslations } from 'next-intl/server';

/** The one-time code, shown loudly as a sandbox convenience (a real bank texts it). */
export async function SandboxCodeBox({ code }: { code: string }) {
  const t = await getTranslations('sandboxBank.authorize');
  return (
    <div className="my-5 rounded-xl border-2 border-dashed border-amber-500 bg-amber-50 p-4" data-testid="sandbox-code-box">
      <p className="flex items-center gap-1.5 text-sm font-semibold text-amber-900">
        <FlaskConical aria-hidden className="size-4" />
        {t('sandboxBoxTitle')}
      </p>
      <p className="mt-1 text-gray-900">
        {t('sandboxCode')}{' '}
        <span className="font-mono text-2xl font-semibold tracking-widest text-gray-900" data-testid="sandbox-code">
          {code}
        </span>
      </p>
      <p className="mt-1 text-sm text-amber-900">{t('sandboxHint')}</p>
    </div>
  );
}
