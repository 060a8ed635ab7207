// An area's own client messages (lib/i18n/client-namespaces.ts), added in its layout to the
// core ones the root layout sends.
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CLIENT_NAMESPACES, pickNamespaces, type ClientMessageArea } from '@/lib/i18n/client-namespaces';
import { MergedMessagesProvider } from './merged-messages-provider';

export async function AreaMessages({ area, children }: { area: ClientMessageArea; children: ReactNode }) {
  const messages = pickNamespaces(await getMessages(), CLIENT_NAMESPACES[area]);
  return <MergedMessagesProvider messages={messages}>{children}</MergedMessagesProvider>;
}
