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
