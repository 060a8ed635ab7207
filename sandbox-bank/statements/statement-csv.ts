// The statement as CSV (RFC 4180: comma, CRLF, quotes doubled). Amounts and balances are
// plain integers in fen (negative with "-", positive without "+"), so a spreadsheet reads
// them as numbers. Text cells that a spreadsheet could run as a formula (starting with
// = + - @ or a tab / carriage return) get a leading apostrophe.
import type { Statement } from './reserve-statement';

export const STATEMENT_CSV_HEADER = [
  'row_type',
  'booked_at',
  'bank_reference',
  'reference',
  'kind',
  'amount',
  'balance_after',
  'counterparty',
];

export function neutraliseTextCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

type Cell = { text: string } | { number: bigint } | null;

function row(cells: Cell[]): string {
  return cells
    .map((c) => (c === null ? '' : 'number' in c ? c.number.toString() : quote(neutraliseTextCell(c.text))))
    .join(',');
}

const text = (value: string | null): Cell => (value === null ? null : { text: value });

export function statementCsv(s: Statement): string {
  const lines = [
    STATEMENT_CSV_HEADER.join(','),
    row([text('OPENING_BALANCE'), null, null, null, null, null, { number: s.openingBalance }, null]),
    ...s.lines.map((l) =>
      row([
        text('MOVEMENT'),
        text(l.bookedAt.toISOString()),
        text(l.bankReference),
        text(l.reference),
        text(l.kind),
        { number: l.amount },
        { number: l.balanceAfter },
        text(l.counterparty),
      ]),
    ),
    row([text('CLOSING_BALANCE'), null, null, null, null, null, { number: s.closingBalance }, null]),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export function statementCsvFileName(s: Statement): string {
  return `statement-${s.accountNumber}-${s.date}.csv`;
}
