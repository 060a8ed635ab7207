'use client';

import { Eye, EyeOff } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { HIDE_BALANCE_COOKIE } from './balance-visibility-cookie';

type Visibility = { hidden: boolean; toggle: () => void };

const VisibilityContext = createContext<Visibility>({ hidden: false, toggle: () => undefined });

export function BalanceVisibilityProvider({
  initialHidden,
  children,
}: {
  initialHidden: boolean;
  children: ReactNode;
}) {
  const [hidden, setHidden] = useState(initialHidden);
  const toggle = () => {
    const next = !hidden;
    setHidden(next);
    document.cookie = `${HIDE_BALANCE_COOKIE}=${next ? '1' : '0'}; path=/; max-age=31536000; samesite=lax`;
  };
  return <VisibilityContext.Provider value={{ hidden, toggle }}>{children}</VisibilityContext.Provider>;
}

export function useBalanceHidden(): boolean {
  return useContext(VisibilityContext).hidden;
}

/** The eye button next to the balance. */
export function BalanceVisibilityToggle() {
  const t = useTranslations('home');
  const { hidden, toggle } = useContext(VisibilityContext);
  const Icon = hidden ? EyeOff : Eye;
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={hidden ? t('showBalance') : t('hideBalance')}
      data-testid="toggle-balance"
      className="-my-3 flex size-11 items-center justify-center rounded-lg text-white/85 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-white"
    >
      <Icon aria-hidden className="size-5" />
    </button>
  );
}
