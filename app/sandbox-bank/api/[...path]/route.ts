// The sandbox bank's HTTP API (sandbox-bank/API.md): every method goes to its one handler.
import { handleSandboxBankApi } from '@/sandbox-bank/api/handle-sandbox-bank-api';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handleSandboxBankApi;
export const POST = handleSandboxBankApi;
export const PUT = handleSandboxBankApi;
export const PATCH = handleSandboxBankApi;
export const DELETE = handleSandboxBankApi;
