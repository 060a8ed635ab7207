// Card-linking attempts per card number, from any account (RATE_LIMITS.bankCardLinksPerCard):
// the per-user limit alone lets many accounts together probe one card's holder details, or
// text its holder's phone, without end. The key is a keyed digest of the number, so the
// limiter's table never holds a card number. A completed link (the holder typed the code from
// the phone) forgets the count, as a right password forgets sign-in failures.
import { keyedDigest } from '../../crypto/keyed-digest';
import { enforceRateLimit } from '../../rate-limit/enforce-rate-limit';
import { resetRateLimit } from '../../rate-limit/rate-limiter';

const cardKey = (accountNumber: string) => keyedDigest(accountNumber.replace(/\D/g, ''), 'card-link-attempts');

/** Counts one attempt on the card; past the limit RATE_LIMITED (429) on the card number field. */
export async function countCardLinkAttempt(accountNumber: string): Promise<void> {
  await enforceRateLimit('bankCardLinksPerCard', cardKey(accountNumber), 'accountNumber');
}

export async function forgetCardLinkAttempts(accountNumber: string): Promise<void> {
  await resetRateLimit('bankCardLinksPerCard', cardKey(accountNumber));
}
