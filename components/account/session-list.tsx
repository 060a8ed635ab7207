import { Monitor, Smartphone, Tablet, HelpCircle } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { formatShanghaiMinute } from '@/components/activity/shanghai-time';
import { describeUserAgent, type DeviceKind } from '@/lib/devices/describe-user-agent';
import type { ActiveSession } from '@/server/auth/sessions';
import { SignOutOtherSessionsButton, SignOutSessionButton } from './session-sign-out-buttons';

const ICONS: Record<DeviceKind, typeof Monitor> = {
  desktop: Monitor,
  mobile: Smartphone,
  tablet: Tablet,
  other: HelpCircle,
};

/** The user's signed-in devices, this one first and marked; each other one can be signed out. */
export async function SessionList({
  sessions,
  currentSessionId,
}: {
  sessions: ActiveSession[];
  currentSessionId: string;
}) {
  const t = await getTranslations('account.security');
  const ordered = [...sessions].sort((a, b) => Number(b.id === currentSessionId) - Number(a.id === currentSessionId));
  const others = ordered.filter((s) => s.id !== currentSessionId).length;
  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col divide-y divide-gray-100" data-testid="session-list">
        {ordered.map((s) => {
          const device = describeUserAgent(s.userAgent);
          const Icon = ICONS[device.kind];
          const label = [device.browser ?? t('unknownBrowser'), device.os].filter(Boolean).join(' · ');
          const isCurrent = s.id === currentSessionId;
          return (
            <li
              key={s.id}
              className="flex flex-wrap items-start gap-x-3 gap-y-2 py-3"
              data-testid={isCurrent ? 'session-current' : 'session-other'}
            >
              <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-gray-500" />
              {/* Below sm the sign-out button goes under the details, so the times keep one line. */}
              <div className="min-w-0 flex-1 basis-[calc(100%-2rem)] sm:basis-0">
                <p className="flex flex-wrap items-center gap-2 font-semibold text-gray-900">
                  <span>{label}</span>
                  <span className="text-sm font-normal text-gray-500">{t(`kinds.${device.kind}`)}</span>
                  {isCurrent ? (
                    <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">
                      {t('thisDevice')}
                    </span>
                  ) : null}
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-gray-600">
                  <dt>{t('ip')}</dt>
                  <dd className="break-all tabular-nums">{s.ipAddress ?? t('unknown')}</dd>
                  <dt>{t('signedInAt')}</dt>
                  <dd className="whitespace-nowrap tabular-nums">{formatShanghaiMinute(s.createdAt)}</dd>
                  <dt>{t('lastSeenAt')}</dt>
                  <dd className="whitespace-nowrap tabular-nums">{formatShanghaiMinute(s.lastSeenAt)}</dd>
                </dl>
              </div>
              {isCurrent ? null : (
                <div className="ml-8 sm:ml-0">
                  <SignOutSessionButton sessionId={s.id} deviceLabel={label} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {others > 0 ? <SignOutOtherSessionsButton /> : <p className="text-sm text-gray-500">{t('noOthers')}</p>}
    </div>
  );
}
