import { ChevronRight } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { useFailureReasonText } from '@/components/activity/use-failure-reason-text';
import { notificationHref } from './notification-href';
import { notificationMessage } from './notification-message';
import { relativeTime } from './relative-time';

export type NotificationItemData = {
  id: string;
  kind: string;
  params: unknown;
  operationId: string | null;
  readAt: Date | null;
  createdAt: Date;
};

/** One message: unread dot, the translated sentence, how long ago; links to what it is about. */
export function NotificationItem({ notification, now }: { notification: NotificationItemData; now: Date }) {
  const t = useTranslations('notifications');
  const reasonText = useFailureReasonText();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const message = notificationMessage(notification.kind, notification.params, locale);
  const text =
    message.key === 'UNKNOWN'
      ? t('messages.UNKNOWN')
      : message.key === 'ORDER_SHIPPED'
        ? t('messages.ORDER_SHIPPED', {
            shop: message.shop,
            subject: message.subject,
            carrier: message.carrier,
            trackingNumber: message.trackingNumber,
          })
        : t(`messages.${message.key}`, {
            amount: message.amount,
            fee: message.fee ?? '',
            total: message.total ?? '',
            from: message.from,
            to: message.to,
            reason: reasonText(message.reason),
            shop: message.shop,
            subject: message.subject,
          });
  const age = relativeTime(notification.createdAt, now);
  const ago =
    age.unit === 'date'
      ? age.text
      : age.unit === 'justNow'
        ? t('time.justNow')
        : t(`time.${age.unit}`, { count: age.count });
  const unread = notification.readAt === null;

  const body = (
    <>
      <span className="flex w-3 shrink-0 justify-center pt-2">
        {unread && <span aria-hidden className="size-2 rounded-full bg-danger" data-testid="unread-dot" />}
      </span>
      <span className="flex min-w-0 flex-1 flex-col">
        <span className={cn('break-words text-gray-900', unread && 'font-semibold')}>
          {unread && <span className="sr-only">{t('unread')}: </span>}
          {text}
        </span>
        <time dateTime={notification.createdAt.toISOString()} className="text-sm text-gray-500 tabular">
          {ago}
        </time>
      </span>
    </>
  );
  const row = 'flex min-h-16 items-start gap-2 px-2 py-3';
  let content: ReactNode = <div className={row}>{body}</div>;
  const href = notificationHref(notification.kind, notification.params, notification.operationId);
  if (href) {
    content = (
      <Link
        href={href}
        className={cn(
          row,
          '-mx-2 rounded-xl hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600',
        )}
      >
        {body}
        <ChevronRight aria-hidden className="mt-1 size-4 shrink-0 text-gray-400" />
      </Link>
    );
  }
  return (
    <li data-testid="notification" data-kind={notification.kind} data-unread={unread ? 'true' : 'false'}>
      {content}
    </li>
  );
}
