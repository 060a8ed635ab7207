// Where notifications may be sent: http(s) URLs only (no file:, data:, gopher: … that a
// crafted URL could use to reach something other than a web server), and, in production,
// only to public addresses (checked when a URL is saved if its host is an IP or localhost,
// and on every address at every delivery: public-address.ts).
import 'server-only';
import { env } from '../env';
import { isPublicAddress, literalAddress } from './public-address';

/**
 * Whether notifications may go to private and reserved addresses: WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
 * by default yes outside production (the demo store and test receivers are on localhost).
 */
export function privateWebhookAddressesAllowed(): boolean {
  const e = env();
  return e.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === undefined
    ? e.NODE_ENV !== 'production'
    : e.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === '1';
}

export function isDeliverableWebhookUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}

/**
 * Why notifications may not go to this URL's host under the policy (an IP of a private or
 * reserved range, or localhost: seen without resolving), else null.
 */
export function privateHostRefusal(
  url: string,
  allowPrivateAddresses = privateWebhookAddressesAllowed(),
): string | null {
  if (allowPrivateAddresses) return null;
  const hostname = new URL(url).hostname;
  const literal = literalAddress(hostname);
  const isPrivate =
    literal !== null ? !isPublicAddress(literal) : hostname === 'localhost' || hostname.endsWith('.localhost');
  return isPrivate ? `${hostname} is a private address: use your server's public address` : null;
}
