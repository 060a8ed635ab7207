// BankGateway over the sandbox bank's HTTP API (sandbox-bank/API.md): every request signed
// with the client secret, every answer validated with zod before the wallet believes it.
import { z } from 'zod';
import { requestSigningPayload, signPayload } from '../../lib/signing/hmac-signature';
import {
  BankOutcomeUnknownError,
  BankRequestFailedError,
  type BankGateway,
  type CardBindingConfirmation,
  type CardBindingRequest,
  type CardBindingStart,
  type BankRequestState,
  type PayoutAnswer,
  type ReserveStatement,
} from './bank-gateway';

export type SandboxBankGatewayOptions = {
  /** Base of the API, e.g. http://localhost:3000/sandbox-bank/api */
  baseUrl: string;
  clientSecret: string;
  /** How long the wallet waits for an answer; past it the outcome is unknown. */
  timeoutMs?: number;
};

const minor = z
  .number()
  .int()
  .safe()
  .transform((n) => BigInt(n));

const bindingStarted = z.object({
  binding_id: z.string().min(1),
  masked_phone: z.string(),
  code_serial: z.string(),
  expires_at: z.string(),
});
const bindingConfirmation = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('CONFIRMED'),
    reference: z.string(),
    account_number: z.string(),
    holder_name: z.string(),
    bank_name: z.string(),
    masked_number: z.string(),
  }),
  z.object({ status: z.literal('WRONG_CODE'), attempts_left: z.int().min(0) }),
  z.object({ status: z.literal('FAILED'), reason: z.enum(['CODE_EXPIRED', 'TOO_MANY_ATTEMPTS', 'ALREADY_USED']) }),
]);
const debitAnswer = z.object({ bank_reference: z.string().min(1), authorize_url: z.string().min(1) });
const payoutAnswer = z.object({
  bank_reference: z.string().min(1),
  status: z.enum(['SUCCEEDED', 'FAILED', 'PROCESSING']),
  failure_reason: z.string().nullish(),
});
const requestState = z.object({
  reference: z.string(),
  bank_reference: z.string(),
  kind: z.enum(['DEBIT', 'PAYOUT']),
  status: z.enum(['AWAITING_AUTHORISATION', 'PROCESSING', 'SUCCEEDED', 'FAILED']),
  amount: minor,
  currency: z.string(),
  failure_reason: z.string().nullish(),
  completed_at: z.string().nullish(),
});
const statement = z.object({
  account_number: z.string(),
  date: z.string(),
  currency: z.string(),
  opening_balance: minor,
  closing_balance: minor,
  lines: z.array(
    z.object({
      bank_reference: z.string(),
      reference: z.string().nullish(),
      kind: z.string(),
      amount: minor,
      balance_after: minor,
      counterparty: z.string(),
      booked_at: z.string(),
    }),
  ),
});

export class SandboxBankGateway implements BankGateway {
  private readonly base: URL;

  constructor(private readonly options: SandboxBankGatewayOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  }

  async startCardBinding(input: CardBindingRequest): Promise<CardBindingStart> {
    const res = await this.call('POST', 'card-bindings', {
      reference: input.reference,
      account_number: input.accountNumber,
      holder_name: input.holderName,
      id_number: input.idNumber,
      phone: input.phone,
    });
    if (res.status === 422 && (await bankErrorCode(res)) === 'DETAILS_NOT_VERIFIED') return { verified: false };
    const body = this.parse(bindingStarted, await this.expectOk(res));
    return {
      verified: true,
      bindingId: body.binding_id,
      maskedPhone: body.masked_phone,
      codeSerial: body.code_serial,
      expiresAt: body.expires_at,
    };
  }

  async confirmCardBinding(input: { bindingId: string; code: string }): Promise<CardBindingConfirmation> {
    const res = await this.call('POST', `card-bindings/${encodeURIComponent(input.bindingId)}/confirm`, {
      code: input.code,
    });
    if (res.status === 404) return { status: 'FAILED', reason: 'NOT_FOUND' };
    const body = this.parse(bindingConfirmation, await this.expectOk(res));
    if (body.status === 'CONFIRMED') {
      return {
        status: 'CONFIRMED',
        reference: body.reference,
        accountNumber: body.account_number,
        holderName: body.holder_name,
        bankName: body.bank_name,
        maskedNumber: body.masked_number,
      };
    }
    return body.status === 'WRONG_CODE' ? { status: 'WRONG_CODE', attemptsLeft: body.attempts_left } : body;
  }

  async createDebit(input: Parameters<BankGateway['createDebit']>[0]) {
    const res = await this.call('POST', 'debits', {
      reference: input.reference,
      account_number: input.accountNumber,
      amount: toJsonAmount(input.amount),
      currency: input.currency,
      payee: input.payee,
      description: input.description,
      return_url: input.returnUrl,
      notify_url: input.notifyUrl,
    });
    const body = this.parse(debitAnswer, await this.expectOk(res));
    return { bankReference: body.bank_reference, authorizeUrl: body.authorize_url };
  }

  async createPayout(input: Parameters<BankGateway['createPayout']>[0]): Promise<PayoutAnswer> {
    const res = await this.call('POST', 'payouts', {
      reference: input.reference,
      account_number: input.accountNumber,
      holder_name: input.holderName,
      amount: toJsonAmount(input.amount),
      currency: input.currency,
      description: input.description,
      notify_url: input.notifyUrl,
    });
    // A 5xx on a payout may or may not have moved money: only a status query can tell.
    if (res.status >= 500) throw new BankOutcomeUnknownError(`bank answered ${res.status} to a payout`);
    const body = this.parse(payoutAnswer, await this.expectOk(res));
    return { bankReference: body.bank_reference, status: body.status, failureReason: body.failure_reason ?? null };
  }

  async queryRequest(reference: string): Promise<BankRequestState | null> {
    const res = await this.call('GET', `requests/${encodeURIComponent(reference)}`);
    if (res.status === 404) return null;
    const body = this.parse(requestState, await this.expectOk(res));
    return {
      reference: body.reference,
      bankReference: body.bank_reference,
      kind: body.kind,
      status: body.status,
      amount: body.amount,
      currency: body.currency,
      failureReason: body.failure_reason ?? null,
      completedAt: body.completed_at ?? null,
    };
  }

  async reserveStatement(date: string): Promise<ReserveStatement> {
    const res = await this.call('GET', `statements/reserve?date=${encodeURIComponent(date)}`);
    const body = this.parse(statement, await this.expectOk(res));
    return {
      accountNumber: body.account_number,
      date: body.date,
      currency: body.currency,
      openingBalance: body.opening_balance,
      closingBalance: body.closing_balance,
      lines: body.lines.map((l) => ({
        bankReference: l.bank_reference,
        reference: l.reference ?? null,
        kind: l.kind,
        amount: l.amount,
        balanceAfter: l.balance_after,
        counterparty: l.counterparty,
        bookedAt: l.booked_at,
      })),
    };
  }

  private async call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Response> {
    const url = new URL(path, this.base);
    const body = json === undefined ? '' : JSON.stringify(json);
    const signature = signPayload(
      requestSigningPayload(method, url.pathname + url.search, body),
      this.options.clientSecret,
    );
    try {
      return await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'bank-client-signature': signature },
        ...(method === 'POST' ? { body } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 8_000),
        cache: 'no-store',
      });
    } catch (error) {
      // Refused before sending: the bank did nothing. Anything else (timeout, reset) is unknown.
      const cause = (error as { cause?: { code?: string } }).cause;
      if (cause?.code === 'ECONNREFUSED') throw new BankRequestFailedError('bank unreachable', null);
      throw new BankOutcomeUnknownError(`no answer from the bank: ${(error as Error).name}`);
    }
  }

  private async expectOk(res: Response): Promise<unknown> {
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // handled below
    }
    if (res.ok && parsed !== null) return parsed;
    const code = (parsed as { error?: { code?: unknown } } | null)?.error?.code;
    throw new BankRequestFailedError(`bank answered ${res.status}`, res.status, typeof code === 'string' ? code : null);
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new BankRequestFailedError('bank answer did not match the contract', null);
    return parsed.data;
  }
}

/** The bank's error code of a refusal, reading a clone so the body stays readable. */
async function bankErrorCode(res: Response): Promise<string | null> {
  try {
    const code = ((await res.clone().json()) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

function toJsonAmount(amount: bigint): number {
  // MAX_AMOUNT (10^15) is below 2^53, so the conversion is exact.
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount too large for JSON');
  return Number(amount);
}
