// GET /sandbox-bank/statements/csv?date=…: the reserve statement as a CSV download for the
// bank's own statements page (a person clicking a link cannot sign a request; the signed
// API endpoint is /sandbox-bank/api/statements/reserve?format=csv).
import 'server-only';
import { sandboxBankPool } from '../db/pool';
import { sandboxBankEnabled } from '../enabled';
import { isCalendarDate } from '../time/shanghai-time';
import { reserveStatement } from './reserve-statement';
import { statementCsv, statementCsvFileName } from './statement-csv';

export async function handleStatementCsvDownload(request: Request): Promise<Response> {
  if (!sandboxBankEnabled())
    return new Response('Not Found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const date = new URL(request.url).searchParams.get('date') ?? '';
  if (!isCalendarDate(date))
    return new Response('date must be a calendar date YYYY-MM-DD\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const statement = await reserveStatement(sandboxBankPool(), date);
  return new Response(statementCsv(statement), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${statementCsvFileName(statement)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
