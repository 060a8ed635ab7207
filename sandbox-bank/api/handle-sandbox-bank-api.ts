// The sandbox bank's HTTP API (API.md) as one fetch-style handler: Request in, Response out.
// Next's route handler (app/sandbox-bank/api/[...path]/route.ts) and the tests' tiny Node
// server (testing/serve-sandbox-bank.ts) both delegate here. Signed routes check the
// signature before anything is read or written.
import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { confirmCardBinding } from '../bindings/confirm-card-binding';
import { startCardBinding } from '../bindings/start-card-binding';
import { type BankPool, sandboxBankPool } from '../db/pool';
import { sandboxBankEnabled } from '../enabled';
import { sandboxBankEnv } from '../env';
import {
  BindingNotFoundError,
  InvalidFieldError,
  MalformedRequestError,
  MethodNotAllowedError,
  RequestNotFoundError,
  RouteNotFoundError,
} from '../errors';
import { faultJson } from '../faults/fault-json';
import { listFaults, setFault } from '../faults/faults-store';
import { createDebit } from '../requests/create-debit';
import { createPayout } from '../requests/create-payout';
import type { StoredAnswer } from '../requests/idempotency';
import { requestStatusOrThrow } from '../requests/request-status';
import { reserveStatement, statementJson } from '../statements/reserve-statement';
import { statementCsv, statementCsvFileName } from '../statements/statement-csv';
import { isCalendarDate } from '../time/shanghai-time';
import { errorResponse, invalidFieldFromZod, jsonResponse } from './error-response';
import {
  bindingIdSchema,
  confirmCardBindingSchema,
  createDebitSchema,
  createPayoutSchema,
  putFaultSchema,
  referenceSchema,
  startCardBindingSchema,
  statementQuerySchema,
} from './request-schemas';
import { OPERATOR_SIGNATURE_HEADER, verifyOperatorSignatureOrThrow } from './verify-operator-signature';
import { CLIENT_SIGNATURE_HEADER, verifyRequestSignatureOrThrow } from './verify-request-signature';

export const API_BASE_PATH = '/sandbox-bank/api';
/** API.md: TIMEOUT answers after 15 s, longer than the wallet waits. */
export const DEFAULT_TIMEOUT_FAULT_MS = 15_000;
const MAX_BODY_CHARS = 64 * 1024;

export type SandboxBankApiOptions = {
  pool: BankPool;
  clientSecret: string;
  /** Signs the operator's requests (faults): SANDBOX_BANK_OPERATOR_SECRET. */
  operatorSecret: string;
  /** How long the TIMEOUT fault holds an answer back (default 15 s). */
  timeoutFaultMs?: number;
};

type Call = { request: Request; url: URL; body: string; segments: string[]; options: Required<SandboxBankApiOptions> };
/** Who must have signed: the wallet (client secret) or the bank's operator (operator secret). */
type Route = { method: string; signedBy: 'wallet' | 'operator'; run: (call: Call) => Promise<Response> };

function parseJsonBody<S extends z.ZodType>(body: string, schema: S): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new MalformedRequestError('the body is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new MalformedRequestError('the body must be a JSON object');
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalidFieldFromZod(parsed.error);
  return parsed.data;
}

async function answer(stored: StoredAnswer): Promise<Response> {
  if (stored.waitMs > 0) await sleep(stored.waitMs); // the TIMEOUT fault: the work is done, the answer is late
  return jsonResponse(stored.httpStatus, stored.body);
}

/** The bank's pages live next to its API: <origin>/sandbox-bank. */
function pagesBaseUrl(url: URL): string {
  return `${url.origin}/sandbox-bank`;
}

function findRoute(method: string, segments: string[]): Route {
  const path = segments.join('/');
  const candidates: Route[] = [];
  if (path === 'card-bindings') {
    candidates.push({
      method: 'POST',
      signedBy: 'wallet',
      run: async ({ body, options }) => {
        const i = parseJsonBody(body, startCardBindingSchema);
        const started = await startCardBinding(options.pool, {
          reference: i.reference,
          accountNumber: i.account_number,
          holderName: i.holder_name,
          idNumber: i.id_number,
          phone: i.phone,
        });
        return jsonResponse(201, {
          binding_id: started.bindingId,
          masked_phone: started.maskedPhone,
          code_serial: started.codeSerial,
          expires_at: started.expiresAt.toISOString(),
        });
      },
    });
  } else if (segments.length === 3 && segments[0] === 'card-bindings' && segments[2] === 'confirm') {
    candidates.push({
      method: 'POST',
      signedBy: 'wallet',
      run: async ({ body, segments: [, bindingId], options }) => {
        const id = bindingIdSchema.safeParse(bindingId);
        if (!id.success) throw new BindingNotFoundError();
        const { code } = parseJsonBody(body, confirmCardBindingSchema);
        const result = await confirmCardBinding(options.pool, id.data, code);
        if (result.status === 'CONFIRMED') {
          return jsonResponse(200, {
            status: 'CONFIRMED',
            reference: result.reference,
            account_number: result.accountNumber,
            holder_name: result.holderName,
            bank_name: result.bankName,
            masked_number: result.maskedNumber,
          });
        }
        if (result.status === 'WRONG_CODE')
          return jsonResponse(200, { status: 'WRONG_CODE', attempts_left: result.attemptsLeft });
        return jsonResponse(200, { status: 'FAILED', reason: result.reason });
      },
    });
  } else if (path === 'debits') {
    candidates.push({
      method: 'POST',
      signedBy: 'wallet',
      run: async ({ body, url, options }) => {
        const i = parseJsonBody(body, createDebitSchema);
        const stored = await createDebit(
          options.pool,
          {
            reference: i.reference,
            accountNumber: i.account_number,
            amount: i.amount,
            currency: i.currency,
            payee: i.payee,
            description: i.description,
            returnUrl: i.return_url,
            notifyUrl: i.notify_url,
          },
          { pagesBaseUrl: pagesBaseUrl(url), timeoutFaultMs: options.timeoutFaultMs },
        );
        return answer(stored);
      },
    });
  } else if (path === 'payouts') {
    candidates.push({
      method: 'POST',
      signedBy: 'wallet',
      run: async ({ body, options }) => {
        const i = parseJsonBody(body, createPayoutSchema);
        const stored = await createPayout(
          options.pool,
          {
            reference: i.reference,
            accountNumber: i.account_number,
            holderName: i.holder_name,
            amount: i.amount,
            currency: i.currency,
            description: i.description,
            notifyUrl: i.notify_url,
          },
          { timeoutFaultMs: options.timeoutFaultMs },
        );
        return answer(stored);
      },
    });
  } else if (segments.length === 2 && segments[0] === 'requests') {
    candidates.push({
      method: 'GET',
      signedBy: 'wallet',
      run: async ({ segments: [, reference], options }) => {
        const parsed = referenceSchema.safeParse(reference);
        if (!parsed.success) throw new RequestNotFoundError('the bank never received this reference');
        return jsonResponse(200, await requestStatusOrThrow(options.pool, parsed.data));
      },
    });
  } else if (path === 'statements/reserve') {
    candidates.push({
      method: 'GET',
      signedBy: 'wallet',
      run: async ({ url, options }) => {
        const parsed = statementQuerySchema.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) throw invalidFieldFromZod(parsed.error);
        if (!isCalendarDate(parsed.data.date)) throw new InvalidFieldError('date', 'a calendar date YYYY-MM-DD');
        const statement = await reserveStatement(options.pool, parsed.data.date);
        if (parsed.data.format === 'json') return jsonResponse(200, statementJson(statement));
        return new Response(statementCsv(statement), {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${statementCsvFileName(statement)}"`,
            'Cache-Control': 'no-store',
          },
        });
      },
    });
  } else if (path === 'faults') {
    // Sandbox control: only the bank's operator (its own secret, not the wallet's).
    candidates.push(
      {
        method: 'GET',
        signedBy: 'operator',
        run: async ({ options }) => jsonResponse(200, { faults: (await listFaults(options.pool)).map(faultJson) }),
      },
      {
        method: 'PUT',
        signedBy: 'operator',
        run: async ({ body, options }) => {
          const input = parseJsonBody(body, putFaultSchema);
          await setFault(
            options.pool,
            input.scope,
            input.fault && {
              mode: input.fault.mode,
              delaySeconds: input.fault.delay_seconds,
              times: input.fault.times,
            },
          );
          return jsonResponse(200, { faults: (await listFaults(options.pool)).map(faultJson) });
        },
      },
    );
  }
  if (candidates.length === 0) throw new RouteNotFoundError('no such endpoint');
  const route = candidates.find((c) => c.method === method);
  if (!route) throw new MethodNotAllowedError(candidates.map((c) => c.method));
  return route;
}

function splitPath(pathname: string): string[] {
  if (pathname !== API_BASE_PATH && !pathname.startsWith(`${API_BASE_PATH}/`))
    throw new RouteNotFoundError('no such endpoint');
  try {
    return pathname
      .slice(API_BASE_PATH.length)
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    throw new MalformedRequestError('the path is not valid percent-encoding');
  }
}

/** A handler bound to its database and secret (tests make their own). */
export function createSandboxBankApiHandler(opts: SandboxBankApiOptions): (request: Request) => Promise<Response> {
  const options: Required<SandboxBankApiOptions> = { timeoutFaultMs: DEFAULT_TIMEOUT_FAULT_MS, ...opts };
  return async (request) => {
    try {
      const url = new URL(request.url);
      const segments = splitPath(url.pathname);
      const route = findRoute(request.method.toUpperCase(), segments);
      const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
      if (body.length > MAX_BODY_CHARS) throw new MalformedRequestError('the body is too large');
      const pathWithQuery = url.pathname + url.search;
      if (route.signedBy === 'wallet') {
        verifyRequestSignatureOrThrow(
          request.method,
          pathWithQuery,
          body,
          request.headers.get(CLIENT_SIGNATURE_HEADER),
          options.clientSecret,
        );
      } else {
        verifyOperatorSignatureOrThrow(
          request.method,
          pathWithQuery,
          body,
          request.headers.get(OPERATOR_SIGNATURE_HEADER),
          options.operatorSecret,
        );
      }
      return await route.run({ request, url, body, segments, options });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

let appHandler: ((request: Request) => Promise<Response>) | undefined;

/**
 * The app's handler: the bank's pool and secrets from the environment. With the bank switched
 * off (SANDBOX_BANK_ENABLED) every path answers 404 before anything is read.
 */
export async function handleSandboxBankApi(request: Request): Promise<Response> {
  if (!sandboxBankEnabled()) return errorResponse(new RouteNotFoundError('no such endpoint'));
  const env = sandboxBankEnv();
  appHandler ??= createSandboxBankApiHandler({
    pool: sandboxBankPool(),
    clientSecret: env.clientSecret,
    operatorSecret: env.operatorSecret,
  });
  return appHandler(request);
}
