// PENDING orders for the pay workloads, each paid once: made in set-up through the product's
// own create-order use case (not timed), round-robin over the given merchants, and handed out
// one per payment request. Orders the create_order workload made through the API join the
// same supply. Running dry mid-round is counted (the request then pays an order already paid,
// which the server refuses, and the refusal counts as a failure).
import { randomUUID } from 'node:crypto';
import { DEFAULT_CURRENCY } from '../../../ledger/index';
import type { Db } from '../../../server/db';
import { createOrder } from '../../../server/orders/create-order';
import { mapLimit } from '../../../lib/async/map-limit';

export const ORDER_AMOUNT = 100n; // ¥1.00

/** The merchants' notify_url (webhook-sink.ts), set once the sink is listening. */
export const notifyTarget = { url: null as string | null };

export class OrderSupply {
  private readonly ids: string[] = [];
  ranDry = 0;
  /** An order that was paid already: what a request gets when the supply is empty. */
  spent: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly merchantIds: readonly string[],
  ) {}

  get size(): number {
    return this.ids.length;
  }

  add(id: string): void {
    this.ids.push(id);
  }

  take(): string {
    const id = this.ids.pop();
    if (id !== undefined) {
      this.spent ??= id;
      return id;
    }
    this.ranDry++;
    if (this.spent === null) throw new Error('[bench] no order to pay at all');
    return this.spent;
  }

  /** Makes orders until `count` are waiting. */
  async fill(count: number): Promise<void> {
    const missing = count - this.ids.length;
    if (missing <= 0) return;
    let next = 0;
    const made = await mapLimit(
      Array.from({ length: missing }, () => this.merchantIds[next++ % this.merchantIds.length]!),
      8,
      (merchantId) => createBenchOrder(this.db, merchantId),
    );
    this.ids.push(...made);
  }
}

export async function createBenchOrder(db: Db, merchantId: string): Promise<string> {
  const order = await createOrder(db, {
    merchantId,
    merchantOrderNo: `B-${randomUUID()}`,
    amount: ORDER_AMOUNT,
    currency: DEFAULT_CURRENCY,
    subject: '压测订单',
    notifyUrl: notifyTarget.url,
    returnUrl: null,
    expiresInSeconds: 86_400,
  });
  return order.id;
}
