// A path with a trailing slash goes to the one without it (308, as Next's own redirect does),
// answered by proxy.ts so that it carries the security headers (next.config.js turns Next's
// off). Relative and with one leading slash: "//evil.example/" becomes "/evil.example", never
// a redirect to another host (the URL parser has already turned backslashes into slashes).
export function trailingSlashTarget(url: URL): string | null {
  if (url.pathname === '/' || !url.pathname.endsWith('/')) return null;
  return `/${url.pathname.replace(/^\/+|\/+$/g, '')}${url.search}`;
}
