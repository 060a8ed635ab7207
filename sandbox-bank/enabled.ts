// The sandbox bank is a test double of a real bank: mounted only where it is wanted.
// SANDBOX_BANK_ENABLED=1 mounts it (npm run dev and the e2e server set it); 0 unmounts it;
// unset, it is on in development and off in a production build, where SANDBOX_BANK_URL names
// the real bank. Off, its pages and API answer 404 and its worker does not start.
import 'server-only';
export function sandboxBankEnabled(source: Record<string, string | undefined> = process.env): boolean {
  const flag = source.SANDBOX_BANK_ENABLED?.trim();
  if (flag === '1' || flag === 'true') return true;
  if (flag === '0' || flag === 'false') return false;
  return source.NODE_ENV !== 'production';
}
