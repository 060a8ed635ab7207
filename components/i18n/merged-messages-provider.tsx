'use client';

import { NextIntlClientProvider, useLocale, useMessages } from 'next-intl';
import { useMemo, type ReactNode } from 'react';

/**
 * Adds an area's messages to those the root layout gave the browser (next-intl's provider
 * replaces messages instead of adding to them); locale, time zone and clock are inherited.
 */
export function MergedMessagesProvider({
  messages,
  children,
}: {
  messages: Record<string, unknown>;
  children: ReactNode;
}) {
  const parent = useMessages();
  const locale = useLocale();
  const merged = useMemo(() => ({ ...parent, ...messages }), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged as typeof parent}>
      {children}
    </NextIntlClientProvider>
  );
}
