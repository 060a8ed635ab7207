/**
 * Where to go after signing in: only a path on this site, so a crafted link cannot send
 * someone elsewhere (no open redirect). Browsers read "//host" and "/\host" as another site.
 */
export function safeCallback(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\/(?![/\\])/.test(value) ? value : '/';
}
