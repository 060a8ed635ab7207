// The merchant's return_url is only followed when it is a plain http(s) address: a
// `javascript:` or `data:` URL, or one hiding another host behind user:pass@, is dropped
// (the page then offers "back home" instead).
export function safeReturnUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.toString();
}

/**
 * Where the checkout's "back to merchant" leads: the order's own return_url when it is safe,
 * else the home page of the merchant's site (the origin of the order's notify_url, which is
 * the merchant's server), else nothing to link.
 */
export function merchantBackUrl(
  returnUrl: string | null | undefined,
  notifyUrl: string | null | undefined,
): string | null {
  const back = safeReturnUrl(returnUrl);
  if (back) return back;
  const site = safeReturnUrl(notifyUrl);
  return site ? `${new URL(site).origin}/` : null;
}
