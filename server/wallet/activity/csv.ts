// CSV for people who open it in a spreadsheet: RFC 4180 quoting, a BOM so Excel reads UTF-8,
// and formula injection neutralised (a text cell starting with =, +, -, @, tab or CR is
// prefixed with an apostrophe, as OWASP advises).
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function csvCell(
  value: string | number | bigint | null | undefined,
  options: { numeric?: boolean } = {},
): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (!options.numeric && DANGEROUS_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}

export const CSV_BOM = '\uFEFF';
