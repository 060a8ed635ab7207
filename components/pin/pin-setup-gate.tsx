'use client';

import { ShieldCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { SetPinForm } from './set-pin-form';

export type PinGateAction = 'transfer' | 'withdraw' | 'pay' | 'payout' | 'developers';

/**
 * Before the first PIN-confirmed action: the set-up step in place, then the flow itself,
 * on the same page (no detour, nothing typed lost).
 */
export function PinSetupGate({
  isSet,
  action,
  children,
}: {
  isSet: boolean;
  action: PinGateAction;
  children: ReactNode;
}) {
  const t = useTranslations('pin');
  const [set, setSet] = useState(isSet);
  if (set) return <>{children}</>;
  return (
    <section className="flex flex-col gap-4" aria-labelledby="pin-gate-title" data-testid="pin-setup-gate">
      <div className="flex items-start gap-3">
        <ShieldCheck aria-hidden className="size-10 shrink-0 rounded-full bg-brand-50 p-2 text-brand-600" />
        <div>
          <h2 id="pin-gate-title" className="text-lg font-semibold text-gray-900">
            {t('setup.gateTitle')}
          </h2>
          <p className="text-sm text-gray-600">{t('setup.gateIntro', { action: t(`actions.${action}`) })}</p>
        </div>
      </div>
      <SetPinForm onDone={() => setSet(true)} />
    </section>
  );
}
