import { FlaskConical } from 'lucide-react';
import { getTranslations } from 'next-intl/server';

/** docs/ui.md "The sandbox is loud": on every sandbox-bank page, never scrolled away. */
export async function SandboxBar() {
  const t = await getTranslations('sandboxBank');
  return (
    <div
      data-testid="sandbox-bar"
      className="sticky top-0 z-30 flex items-center justify-center gap-2 bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-amber-950"
    >
      <FlaskConical aria-hidden className="size-4 shrink-0" />
      <span>{t('sandboxBar')}</span>
    </div>
  );
}
