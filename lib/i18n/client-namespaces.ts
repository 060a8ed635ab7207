// Which message namespaces the browser gets. Every page's HTML carries the messages its client
// components may use; sending all of them (72 KB in Chinese) cost each page render more than
// the page itself. The root layout sends CLIENT_NAMESPACES.core; an area's layout adds its own
// (components/i18n/area-messages.tsx). Server components read every message on the server
// and need nothing here. scripts/lint/client-namespaces.test.ts checks that every namespace a
// component uses with useTranslations is listed where it is used.
export const CLIENT_NAMESPACES = {
  core: [
    'account',
    'activity',
    'auth',
    'bankAccounts',
    'dateInput',
    'errorCodes',
    'frozenAccount',
    'home',
    'language',
    'nav',
    'notifications',
    'operation',
    'pin',
    'topUp',
    'transfer',
    'twoFactor',
    'walletErrors',
    'withdraw',
  ],
  admin: [
    'adminCommon',
    'adminEntries',
    'adminHome',
    'adminMerchants',
    'adminNav',
    'adminProof',
    'adminReconciliation',
    'adminTrialBalance',
    'adminUsers',
    'adminWebhooks',
  ],
  merchant: ['merchantDashboard'],
  checkout: ['checkout'],
  receive: ['receive'],
  demoStore: ['demoStore'],
  sandboxBank: ['sandboxBank'],
  receipts: ['receipts'],
  balanceProof: ['balanceProof'],
} as const;

export type ClientMessageArea = Exclude<keyof typeof CLIENT_NAMESPACES, 'core'>;

/** The messages of these namespaces only (those missing in the source are left out). */
export function pickNamespaces(messages: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of names) if (name in messages) picked[name] = messages[name];
  return picked;
}
