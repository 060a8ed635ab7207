// Pages, route handlers and server actions of the bank call this first: switched off, the
// bank does not exist (404), whatever path or action id is asked for.
import { notFound } from 'next/navigation';
import { sandboxBankEnabled } from './enabled';

export function requireSandboxBankEnabled(): void {
  if (!sandboxBankEnabled()) notFound();
}
