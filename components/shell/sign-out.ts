// Signing out the way next-auth's own client does it (its CSRF token, then a POST to its
// sign-out endpoint), without next-auth/react: that client is compiled with a regenerator
// runtime and cost every signed-in page about 6 KB of gzipped JavaScript for this one call.
// Nothing here listens for sessions in other tabs (no SessionProvider), so its broadcast is not missed.

const AUTH_BASE = '/api/auth';

/** Ends the session on the server (next-auth's sign-out revokes its row), then opens `callbackUrl`. */
export async function signOutAndGo(callbackUrl: string): Promise<void> {
  const { csrfToken } = (await (await fetch(`${AUTH_BASE}/csrf`)).json()) as { csrfToken: string };
  const res = await fetch(`${AUTH_BASE}/signout`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
  });
  const { url } = (await res.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}
