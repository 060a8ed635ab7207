// What 扫一扫 may open: a QR's text is only followed when it is one of this wallet's own pay
// links (a receive code, a payment request or a checkout) on this wallet's origin. Anything
// else (another site, a javascript: URL, plain text) is shown, never opened.

const PAY_LINK = /^\/(?:pay-to\/[A-Za-z0-9_-]{16,64}|pay-request\/[A-Za-z0-9_-]{16,64}|pay\/[0-9a-f-]{36})$/i;

/** The path (with its query) to open for a scanned text, or null when it is not ours. */
export function walletPathFromScan(text: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  if (!PAY_LINK.test(url.pathname)) return null;
  return `${url.pathname}${url.search}`;
}
