// Masking for display (docs/ui.md: mask by default): names keep their last character, account
// numbers their last four digits, emails their first character and domain.

/** "张三" → "*三", "王小明" → "**明", "Alice Smith" → "*********h". */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  return '*'.repeat(chars.length - 1) + chars[chars.length - 1];
}

/** "6222000000000044" → "0044". */
export function lastFour(accountNumber: string): string {
  return accountNumber.replace(/\s/g, '').slice(-4);
}

/** "zhangsan@example.com" → "z***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
