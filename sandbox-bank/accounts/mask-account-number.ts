// Account numbers are shown masked wherever the full number is not the point (docs/ui.md "Mask by default").

/** "6222 **** **** 0044": the first and last four digits. */
export function maskAccountNumber(accountNumber: string): string {
  if (accountNumber.length < 8) return '****';
  return `${accountNumber.slice(0, 4)} **** **** ${accountNumber.slice(-4)}`;
}

/** "6222 0000 0000 0044": the full number in groups of four, for the bank's own pages. */
export function groupAccountNumber(accountNumber: string): string {
  return accountNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
}
