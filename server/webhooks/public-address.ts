// Notifications go to merchants' servers on the public internet, never to an address inside
// the platform's own network (SSRF: a merchant naming http://127.0.0.1:5432/ or the cloud
// metadata service 169.254.169.254 as its webhook would make the wallet's servers call it).
// The check runs where the connection is made, on every address the name resolves to, so a
// name that resolves differently the second time (DNS rebinding) cannot slip through.
// ipaddr.js knows the special-purpose ranges (private, loopback, link-local, CGNAT,
// multicast, documentation, IPv4-mapped IPv6 …); only plain unicast counts as public.
import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent } from 'undici';

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The IP of a URL's host when the host is written as one ([::1] → ::1), else null. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(hostname: string, address: string) {
    super(
      `${hostname} is ${address === hostname ? '' : `${address}, `}a private or reserved address: notifications go to public servers only`,
    );
    this.name = 'PrivateAddressError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that refuses a name if any of its addresses is not public. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new PrivateAddressError(hostname, refused.address), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

let agent: Agent | undefined;

/** An HTTP agent whose connections go to public addresses only (names checked as resolved). */
export function publicOnlyAgent(): Agent {
  agent ??= new Agent({ connect: { lookup: publicOnlyLookup } });
  return agent;
}
