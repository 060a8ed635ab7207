import { CircleCheck, CircleX, Clock, type LucideIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { formatShanghaiSecond } from '@/components/activity/shanghai-time';
import { cn } from '@/components/ui/cn';
import type { WebhookStatus } from '@/server/generated/prisma/enums';
import type { WebhookEventWithAttempts } from '@/server/webhooks/find-webhook-event-or-throw';
import { ResendWebhookButton } from './resend-webhook-button';

const STATUS: Record<WebhookStatus, { Icon: LucideIcon; badge: string }> = {
  PENDING: { Icon: Clock, badge: 'bg-brand-50 text-brand-700' },
  DELIVERED: { Icon: CircleCheck, badge: 'bg-green-50 text-green-700' },
  FAILED: { Icon: CircleX, badge: 'bg-red-50 text-danger' },
};

const ok = (status: number | null) => status !== null && status >= 200 && status < 300;

/** Each notification: event, URL, status, every attempt (time, HTTP status or error, duration) and a resend button. */
export function WebhookLog({ events, orderId }: { events: WebhookEventWithAttempts[]; orderId: string }) {
  const t = useTranslations('merchantDashboard.webhooks');
  if (events.length === 0) return <p className="text-gray-500">{t('empty')}</p>;
  return (
    <ul className="flex flex-col gap-4" data-testid="webhook-log">
      {events.map((event) => {
        const { Icon, badge } = STATUS[event.status];
        return (
          <li
            key={event.id}
            className="flex flex-col gap-2 rounded-xl border border-gray-200 p-3"
            data-testid="webhook-event"
          >
            <div className="flex flex-wrap items-center gap-2">
              <code className="font-mono text-sm font-semibold text-gray-900">{event.type}</code>
              <span
                className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold', badge)}
                data-testid="webhook-status"
              >
                <Icon aria-hidden className="size-3.5" />
                {t(`status.${event.status}`)}
              </span>
              {event.status === 'PENDING' && event.nextAttemptAt && (
                <span className="text-xs text-gray-500 tabular">
                  {t('nextAttempt', { time: formatShanghaiSecond(event.nextAttemptAt) })}
                </span>
              )}
            </div>
            <p className="font-mono text-xs break-all text-gray-600">
              <span className="sr-only">{t('url')}: </span>
              {event.url}
            </p>
            {event.attempts.length === 0 ? (
              <p className="text-sm text-gray-500">{t('noAttempts')}</p>
            ) : (
              <ol className="flex flex-col gap-1 text-sm" data-testid="webhook-attempts">
                {event.attempts.map((a) => (
                  <li
                    key={a.id}
                    className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 border-t border-gray-100 pt-1 first:border-0 first:pt-0"
                    data-testid="webhook-attempt"
                  >
                    <span className="font-semibold text-gray-700">
                      {t('attempts', { number: a.number })}
                      {a.manual ? ` · ${t('manual')}` : ''}
                    </span>
                    <time dateTime={a.createdAt.toISOString()} className="text-gray-500 tabular">
                      {formatShanghaiSecond(a.createdAt)}
                    </time>
                    <span className={cn('font-mono tabular', ok(a.responseStatus) ? 'text-green-700' : 'text-danger')}>
                      {a.responseStatus !== null
                        ? t('httpStatus', { status: a.responseStatus })
                        : t('networkError', { error: a.error ?? '—' })}
                    </span>
                    <span className="text-gray-500 tabular">{t('duration', { ms: a.durationMs })}</span>
                  </li>
                ))}
              </ol>
            )}
            <ResendWebhookButton eventId={event.id} orderId={orderId} />
          </li>
        );
      })}
    </ul>
  );
}
