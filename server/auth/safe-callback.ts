/**
 * Where to go after signing in: only a path on this site, so a crafted link cannot send
 * someone elsewhere (no open redirect). The value is resolved against a placeholder origin
 * exactly as a browser would resolve it against ours; anything that could leave the origin
 * or that a browser reads differently from us goes to '/':
 * - control characters and whitespace (browsers strip tab, LF and CR, so "/\t/evil" is
 *   "//evil"; LF and CR would also break the Location header) and backslashes ("/\evil");
 * - "//host" and every form that resolves to it ("/.//host", "/a/..//host");
 * - absolute URLs and schemes.
 */
const PLACEHOLDER_ORIGIN = 'http://wallet.invalid';
const MAX_LENGTH = 2048;
const UNSAFE_CHARACTER = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\ufeff]/;
const OUR_PATH = /^\/(?![/\\])/;

export function safeCallback(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || value.length > MAX_LENGTH || UNSAFE_CHARACTER.test(value) || !OUR_PATH.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return '/';
  const resolved = `${url.pathname}${url.search}${url.hash}`;
  return OUR_PATH.test(resolved) ? resolved : '/';
}
