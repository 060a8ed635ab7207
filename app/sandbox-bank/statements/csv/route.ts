// The statements page's CSV link (unsigned: a person clicks it; the bank has no login).
import { handleStatementCsvDownload } from '@/sandbox-bank/statements/statement-download';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handleStatementCsvDownload;
