// Every kind of completed operation has a receipt for each of its parties, against the sandbox
// bank over real HTTP: its JWS verifies against the published keys, its numbers are the
// ledger's (the holder's posting and the balance after it), nobody else can get it, and one
// fen changed breaks it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode } from '@/ledger';
import { verifyReceipt } from '@/lib/receipts/verify-receipt';
import type { ReceiptDocument } from '@/lib/receipts/receipt-document';
import { openSandboxAccount } from '@/sandbox-bank/accounts/open-account';
import type { BankPool } from '@/sandbox-bank/db/pool';
import { deliverDueNotices } from '@/sandbox-bank/notices/deliver-notices';
import { authoriseDebit } from '@/sandbox-bank/requests/authorise-debit';
import { readDebitCode } from '@/sandbox-bank/testing/read-debit-code';
import type { Db } from '../db';
import type { AppDeps } from '../core/deps';
import { NotFoundError } from '../core/domain-errors';
import { newWebhookSecret } from '../merchants/api-keys';
import { createOrder } from '../orders/create-order';
import { payOrderFromBalance } from '../orders/pay-order-from-balance';
import { refundOrder } from '../orders/refund-order';
import { requestMerchantPayout } from '../payouts/request-merchant-payout';
import { publishedSigningKeys } from '../signing/published-signing-keys';
import { ensureAccount } from '../stored-ledger';
import { requestWithdrawal } from '../wallet/operations/request-withdrawal';
import { startTopUp } from '../wallet/operations/start-top-up';
import { transferToUser } from '../wallet/operations/transfer-to-user';
import { startBankFlowHarness, type BankFlowHarness } from '../wallet/testing/bank-flow-harness';
import { linkBankAccountThroughBank } from '../wallet/testing/link-bank-account-through-bank';
import { createTestUser, TEST_PIN } from '../wallet/testing/wallet-fixtures';
import { loadMerchantReceiptSource, loadUserReceiptSource } from './load-receipt-source';
import { signReceipt } from './signed-receipt';
import { oneFenMore } from './testing/sample-receipt';

let db: Db;
let pool: BankPool;
let deps: AppDeps;
let harness: BankFlowHarness;

type Person = { id: string; email: string; bankAccountId: string };
type Shop = { id: string; userId: string };
let zhang: Person;
let li: Person;
let stranger: Person;
let shop: Shop;
const ops: Record<string, string> = {};

async function person(name: string): Promise<Person> {
  const user = await createTestUser(db, name);
  const accountNumber = await openSandboxAccount(pool, { holderName: name, openingBalance: 1_000_000n });
  const linked = await linkBankAccountThroughBank(deps, pool, user.id, accountNumber);
  return { ...user, bankAccountId: linked.id };
}

async function topUp(p: Person, amount: bigint): Promise<string> {
  const started = await startTopUp(deps, {
    userId: p.id,
    amount,
    bankAccountId: p.bankAccountId,
    idempotencyKey: randomUUID(),
  });
  if (started.next !== 'AUTHORISE') throw new Error('top-up did not start');
  const bankReference = new URL(started.authorizeUrl).pathname.split('/').pop()!;
  await authoriseDebit(pool, bankReference, await readDebitCode(pool, bankReference));
  await deliverDueNotices(pool);
  return started.operationId;
}

beforeAll(async () => {
  harness = await startBankFlowHarness('receipts');
  ({ db, pool, deps } = harness);
  zhang = await person('张三');
  li = await person('李四');
  stranger = await person('王五');
  const owner = await person('店主');
  await db.user.update({ where: { id: owner.id }, data: { role: 'MERCHANT' } });
  const m = await db.merchant.create({
    data: {
      userId: owner.id,
      shopName: '示例商店',
      status: 'APPROVED',
      settlementBankAccountId: owner.bankAccountId,
      webhookSecret: newWebhookSecret(),
    },
  });
  await ensureAccount(db, merchantBalanceCode(m.id), DEFAULT_CURRENCY);
  shop = { id: m.id, userId: owner.id };

  ops.topUp = await topUp(zhang, 100_000n);
  const order = await createOrder(db, {
    merchantId: shop.id,
    merchantOrderNo: `R-${randomUUID()}`,
    amount: 30_000n,
    currency: DEFAULT_CURRENCY,
    subject: '无线耳机',
    notifyUrl: null,
    returnUrl: null,
    expiresInSeconds: 1_800,
  });
  ops.payment = (
    await payOrderFromBalance(deps, {
      userId: zhang.id,
      orderId: order.id,
      pin: TEST_PIN,
      idempotencyKey: randomUUID(),
    })
  ).operationId;
  const refund = await refundOrder(deps, {
    merchantId: shop.id,
    orderId: order.id,
    amount: 5_000n,
    reason: '少发一件',
    idempotencyKey: randomUUID(),
  });
  ops.refund = refund.operationId;
  ops.transfer = (
    await transferToUser(deps, {
      userId: zhang.id,
      recipientEmail: li.email,
      amount: 12_345n,
      memo: '午饭',
      idempotencyKey: randomUUID(),
      pin: TEST_PIN,
    })
  ).operationId;
  ops.withdrawal = (
    await requestWithdrawal(deps, {
      userId: zhang.id,
      amount: 5_000n,
      bankAccountId: zhang.bankAccountId,
      pin: TEST_PIN,
      idempotencyKey: randomUUID(),
    })
  ).operationId;
  ops.payout = (
    await requestMerchantPayout(deps, {
      merchantId: shop.id,
      userId: shop.userId,
      amount: 10_000n,
      pin: TEST_PIN,
      idempotencyKey: randomUUID(),
    })
  ).operationId;
});

afterAll(() => harness?.close());

/** The holder's posting in the receipt's ledger entry, read straight from the ledger. */
async function ledgerPosting(receipt: ReceiptDocument, code: string) {
  const [row] = await db.$queryRaw<{ amount: bigint; balance_after: bigint }[]>`
    SELECT p.amount, p.balance_after FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
     WHERE p.entry_id = ${receipt.ledgerEntryId}::uuid AND a.code = ${code} AND NOT p.pending`;
  return row;
}

const views = () => [
  {
    name: 'top-up',
    load: () => loadUserReceiptSource(db, zhang.id, ops.topUp!),
    type: 'TOP_UP',
    code: () => userWalletCode(zhang.id),
  },
  {
    name: 'payment (payer)',
    load: () => loadUserReceiptSource(db, zhang.id, ops.payment!),
    type: 'PAYMENT',
    code: () => userWalletCode(zhang.id),
  },
  {
    name: 'payment (shop)',
    load: () => loadMerchantReceiptSource(db, shop.id, ops.payment!),
    type: 'PAYMENT',
    code: () => merchantBalanceCode(shop.id),
  },
  {
    name: 'refund (payer)',
    load: () => loadUserReceiptSource(db, zhang.id, ops.refund!),
    type: 'REFUND',
    code: () => userWalletCode(zhang.id),
  },
  {
    name: 'refund (shop)',
    load: () => loadMerchantReceiptSource(db, shop.id, ops.refund!),
    type: 'REFUND',
    code: () => merchantBalanceCode(shop.id),
  },
  {
    name: 'transfer (sender)',
    load: () => loadUserReceiptSource(db, zhang.id, ops.transfer!),
    type: 'TRANSFER_OUT',
    code: () => userWalletCode(zhang.id),
  },
  {
    name: 'transfer (receiver)',
    load: () => loadUserReceiptSource(db, li.id, ops.transfer!),
    type: 'TRANSFER_IN',
    code: () => userWalletCode(li.id),
  },
  {
    name: 'withdrawal',
    load: () => loadUserReceiptSource(db, zhang.id, ops.withdrawal!),
    type: 'WITHDRAWAL',
    code: () => userWalletCode(zhang.id),
  },
  {
    name: 'payout (shop)',
    load: () => loadMerchantReceiptSource(db, shop.id, ops.payout!),
    type: 'PAYOUT',
    code: () => merchantBalanceCode(shop.id),
  },
  {
    name: "payout (shop owner's activity)",
    load: () => loadUserReceiptSource(db, shop.userId, ops.payout!),
    type: 'PAYOUT',
    code: () => merchantBalanceCode(shop.id),
  },
];

describe('receipts of every operation', () => {
  it.each(views().map((v) => [v.name, v] as const))(
    "%s: verifies, and its numbers are the ledger's",
    async (_name, view) => {
      const { receipt, jws } = await signReceipt(await view.load());
      const keys = await publishedSigningKeys();
      expect(await verifyReceipt(jws, keys)).toMatchObject({ ok: true, receipt });
      expect(await verifyReceipt(JSON.stringify({ receipt, jws }), keys)).toMatchObject({ ok: true });

      expect(receipt.type).toBe(view.type);
      const posting = await ledgerPosting(receipt, view.code());
      expect(posting, 'the holder has a posting in the entry').toBeDefined();
      const signedNet = receipt.direction === 'CREDIT' ? BigInt(receipt.net) : -BigInt(receipt.net);
      expect(signedNet).toBe(BigInt(posting!.amount));
      expect(receipt.balanceAfter).toBe(BigInt(posting!.balance_after).toString());
      // Another download is the same receipt, signature included.
      expect((await signReceipt(await view.load())).jws).toBe(jws);
    },
  );

  it('says what each side sees, with names masked', async () => {
    const sent = (await signReceipt(await loadUserReceiptSource(db, zhang.id, ops.transfer!))).receipt;
    const received = (await signReceipt(await loadUserReceiptSource(db, li.id, ops.transfer!))).receipt;
    expect(sent).toMatchObject({ amount: '12345', fee: '0', net: '12345', direction: 'DEBIT', memo: '午饭' });
    expect(sent.holder).toEqual({
      kind: 'CUSTOMER',
      name: '*三',
      account: expect.stringMatching(/^t\*\*\*@example\.com$/),
    });
    expect(sent.counterparty).toEqual({ name: '*四', account: expect.stringMatching(/^t\*\*\*@example\.com$/) });
    expect(received).toMatchObject({ direction: 'CREDIT', net: '12345', counterparty: { name: '*三' } });
    expect(received.receiptNo).not.toBe(sent.receiptNo);

    const paid = (await signReceipt(await loadMerchantReceiptSource(db, shop.id, ops.payment!))).receipt;
    expect(paid).toMatchObject({
      amount: '30000',
      fee: '180',
      net: '29820',
      direction: 'CREDIT',
      order: { subject: '无线耳机' },
    });
    expect(paid.counterparty).toEqual({ name: '*三', account: null });
    const withdrawal = (await signReceipt(await loadUserReceiptSource(db, zhang.id, ops.withdrawal!))).receipt;
    expect(withdrawal).toMatchObject({ amount: '5000', direction: 'DEBIT' });
    expect(BigInt(withdrawal.net)).toBe(5_000n + BigInt(withdrawal.fee));
    expect(withdrawal.bankReference).toEqual(expect.any(String));
  });

  it('nobody else gets one: another user, another merchant, the payer asking as the shop', async () => {
    for (const id of Object.values(ops)) {
      await expect(loadUserReceiptSource(db, stranger.id, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(loadUserReceiptSource(db, li.id, ops.payment!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadMerchantReceiptSource(db, shop.id, ops.transfer!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadMerchantReceiptSource(db, shop.id, ops.topUp!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadMerchantReceiptSource(db, randomUUID(), ops.payment!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadUserReceiptSource(db, zhang.id, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadUserReceiptSource(db, zhang.id, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('an operation that has not completed has none', async () => {
    const started = await startTopUp(deps, {
      userId: zhang.id,
      amount: 1_000n,
      bankAccountId: zhang.bankAccountId,
      idempotencyKey: randomUUID(),
    });
    await expect(loadUserReceiptSource(db, zhang.id, started.operationId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('one fen changed, in the JWS or in the readable copy, fails', async () => {
    const { receipt, jws } = await signReceipt(await loadUserReceiptSource(db, zhang.id, ops.payment!));
    const keys = await publishedSigningKeys();
    expect(await verifyReceipt(oneFenMore(jws), keys)).toEqual({ ok: false, reason: 'bad-signature' });
    const copy = { ...receipt, amount: (BigInt(receipt.amount) + 1n).toString() };
    expect(await verifyReceipt(JSON.stringify({ receipt: copy, jws }), keys)).toEqual({
      ok: false,
      reason: 'copy-differs',
    });
  });
});
