// Where someone who went to link a card comes back to once it is linked: the flow that sent
// them (a top-up or a withdrawal, itself perhaps begun from a checkout) or a checkout. Only
// these paths of our own, with only the parameters those pages read, are ever followed:
// anything else (another site, `//host`, another page, extra parameters) is dropped, so the
// parameter cannot be used to send someone elsewhere (no open redirect).
import { checkoutReturnPath } from './checkout-return-path';

const FLOWS = new Set(['/top-up', '/withdraw']);
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const PLACEHOLDER_ORIGIN = 'http://wallet.invalid';

/** The top-up, withdrawal or checkout path in `value`, rebuilt from its checked parts; else null. */
export function cardLinkReturnPath(value: unknown): string | null {
  const checkout = checkoutReturnPath(value);
  if (checkout) return checkout;
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || !FLOWS.has(url.pathname) || url.hash) return null;
  const kept = new URLSearchParams();
  for (const [name, param] of url.searchParams) {
    if (kept.has(name)) return null;
    if (name === 'next' && url.pathname === '/top-up' && checkoutReturnPath(param)) kept.set(name, param);
    else if (name === 'amount' && url.pathname === '/top-up' && AMOUNT.test(param)) kept.set(name, param);
    else return null;
  }
  const query = kept.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/**
 * `returnPath` with the newly linked card chosen (`card=<id>`) when it is a top-up or a
 * withdrawal (their pages preselect it); a checkout is returned to as it was.
 */
export function withLinkedCard(returnPath: string, cardId: string): string {
  if (checkoutReturnPath(returnPath)) return returnPath;
  return `${returnPath}${returnPath.includes('?') ? '&' : '?'}card=${encodeURIComponent(cardId)}`;
}

/** The link-card page, coming back to `returnPath` afterwards. */
export function linkCardHref(returnPath: string | null): string {
  return returnPath ? `/bank-accounts?next=${encodeURIComponent(returnPath)}` : '/bank-accounts';
}
