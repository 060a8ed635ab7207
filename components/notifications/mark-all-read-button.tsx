import { CheckCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { markNotificationsReadAction } from '@/app/actions/mark-notifications-read';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

/** A form posting to the server action, so it works before the page's script has loaded. */
export function MarkAllReadButton() {
  const t = useTranslations('notifications');
  return (
    <form action={markNotificationsReadAction}>
      <button
        type="submit"
        className={cn(buttonVariants({ variant: 'ghost', size: 'sm' }), 'min-h-11 text-brand-600')}
        data-testid="mark-all-read"
      >
        <CheckCheck aria-hidden className="size-4" />
        {t('markAllRead')}
      </button>
    </form>
  );
}
