// The store's client of the wallet's merchant API, over real HTTP with its own secret key,
// as any outside merchant would call it. Every POST carries an Idempotency-Key chosen by the
// caller so that a retry after a lost answer cannot create a second order or shipment.
import { z } from 'zod';
import { WalletApiError, WalletUnreachableError } from '../errors';
import { walletOrderSchema, type WalletOrder } from './wallet-order';

export type WalletClientOptions = { baseUrl: string; apiKey: string; timeoutMs?: number };

export type CreateWalletOrderInput = {
  merchant_order_no: string;
  amount: bigint;
  currency: 'CNY';
  subject: string;
  notify_url: string;
  return_url: string;
};

export type WalletClient = {
  createOrder(input: CreateWalletOrderInput, idempotencyKey: string): Promise<WalletOrder>;
  /** The order with this merchant_order_no, or null when the wallet has none (404). */
  findOrderByMerchantOrderNo(merchantOrderNo: string): Promise<WalletOrder | null>;
  ship(
    walletOrderId: string,
    shipment: { carrier: string; tracking_number: string },
    idempotencyKey: string,
  ): Promise<WalletOrder>;
};

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export function createWalletClient({ baseUrl, apiKey, timeoutMs = 20_000 }: WalletClientOptions): WalletClient {
  async function call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        // Amounts are bigint here and integers on the wire.
        body: body === undefined ? undefined : JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)),
        signal: AbortSignal.timeout(timeoutMs),
        cache: 'no-store',
      });
    } catch (err) {
      throw new WalletUnreachableError(`${method} ${path}: ${(err as Error).message}`, { cause: err });
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new WalletUnreachableError(`${method} ${path}: HTTP ${response.status} with a body that is not JSON`);
    }
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(json);
      if (!parsed.success)
        throw new WalletUnreachableError(`${method} ${path}: HTTP ${response.status} without an error object`);
      const { code, message, field } = parsed.data.error;
      throw new WalletApiError(response.status, code, message, field);
    }
    return { status: response.status, json };
  }

  function order(json: unknown, what: string): WalletOrder {
    const parsed = walletOrderSchema.safeParse(json);
    if (!parsed.success)
      throw new WalletUnreachableError(`${what}: the answer is not an order (${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }

  return {
    async createOrder(input, idempotencyKey) {
      const { json } = await call('POST', '/orders', input, idempotencyKey);
      return order(json, 'POST /orders');
    },
    async findOrderByMerchantOrderNo(merchantOrderNo) {
      try {
        const { json } = await call('GET', `/orders?merchant_order_no=${encodeURIComponent(merchantOrderNo)}`);
        return order(json, 'GET /orders');
      } catch (err) {
        if (err instanceof WalletApiError && err.status === 404) return null;
        throw err;
      }
    },
    async ship(walletOrderId, shipment, idempotencyKey) {
      const { json } = await call(
        'POST',
        `/orders/${encodeURIComponent(walletOrderId)}/shipment`,
        shipment,
        idempotencyKey,
      );
      return order(json, 'POST /orders/{id}/shipment');
    },
  };
}
