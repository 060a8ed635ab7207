// What a receipt is built from, read for one holder: a person (their own operations and the
// transfers they received; a merchant user's payouts are their shop's) or a merchant (its
// orders' payments and refunds, its payouts). Anything else, unfinished operations included,
// is NotFoundError, exactly as an id that does not exist (no 403: it would confirm the id).
import 'server-only';
import { merchantBalanceCode, userWalletCode } from '../../ledger';
import { isUuid } from '../../lib/ids/is-uuid';
import { lastFour, maskEmail, maskName } from '../../lib/text/mask';
import type { Db } from '../db';
import { NotFoundError } from '../core/domain-errors';
import { counterpartyNames, visibleTo } from '../wallet/activity/list-activity';
import { OPERATION_PARTIES_INCLUDE, toOperationView } from '../wallet/activity/operation-view';
import type { ReceiptSource } from './build-receipt';

const ORDER_FIELDS = {
  select: { merchantId: true, merchantOrderNo: true, subject: true, merchantFee: true, paymentOperationId: true },
} as const;

function notFound(): never {
  throw new NotFoundError('Receipt');
}

function completed<T extends { status: string; completedAt: Date | null; ledgerEntryId: string | null }>(
  op: T | null,
): T & { completedAt: Date; ledgerEntryId: string } {
  if (!op || op.status !== 'SUCCEEDED' || !op.completedAt || !op.ledgerEntryId) notFound();
  return op as T & { completedAt: Date; ledgerEntryId: string };
}

const bankLabel = (account: { bankName: string; accountNumber: string } | null) =>
  account && `${account.bankName}(${lastFour(account.accountNumber)})`;

/** The holder's account's posting in the entry: its amount and the balance right after it. */
async function holderPosting(
  db: Db,
  entryId: string,
  accountCode: string,
  currency: string,
): Promise<{ amount: bigint; balanceAfter: bigint | null } | null> {
  const rows = await db.$queryRaw<{ amount: bigint; balance_after: bigint | null }[]>`
    SELECT p.amount, p.balance_after
      FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
     WHERE p.entry_id = ${entryId}::uuid AND a.code = ${accountCode} AND a.currency = ${currency} AND NOT p.pending
     ORDER BY p.account_seq`;
  if (rows.length === 0) return null;
  return {
    amount: rows.reduce((sum, r) => sum + BigInt(r.amount), 0n),
    balanceAfter: rows.at(-1)!.balance_after === null ? null : BigInt(rows.at(-1)!.balance_after!),
  };
}

/** A person's receipt of an operation in their activity (a payout: their shop's). */
export async function loadUserReceiptSource(db: Db, userId: string, operationId: string): Promise<ReceiptSource> {
  if (!isUuid(operationId)) notFound();
  const op = completed(
    await db.walletOperation.findFirst({
      where: { AND: [{ id: operationId }, visibleTo(userId)] },
      include: {
        ...OPERATION_PARTIES_INCLUDE,
        user: { select: { displayName: true, email: true } },
        order: { select: { ...ORDER_FIELDS.select, merchant: { select: { shopName: true } }, refundedAmount: true } },
      },
    }),
  );
  if (op.kind === 'PAYOUT') return loadMerchantReceiptSource(db, op.merchantId ?? '', operationId);
  const names = await counterpartyNames(db, [op.counterpartyUserId]);
  const view = toOperationView(op, userId, op.counterpartyUserId ? (names.get(op.counterpartyUserId) ?? null) : null);
  const holderUser =
    userId === op.userId
      ? op.user
      : await db.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true, email: true } });
  const other =
    view.kind === 'TRANSFER_IN' || view.kind === 'TRANSFER_OUT'
      ? await db.user.findUnique({
          where: { id: view.kind === 'TRANSFER_IN' ? op.userId : op.counterpartyUserId! },
          select: { email: true },
        })
      : null;
  const posting = await holderPosting(db, op.ledgerEntryId, userWalletCode(userId), op.currency);
  return {
    operationId: op.id,
    type: view.kind as ReceiptSource['type'],
    currency: op.currency,
    amount: op.amount,
    fee: view.fee,
    net: view.total,
    holder: { kind: 'CUSTOMER', name: maskName(holderUser.displayName), account: maskEmail(holderUser.email) },
    counterparty: view.counterparty
      ? {
          name: view.counterparty,
          account: other ? maskEmail(other.email) : view.kind === 'PAYMENT' ? view.bankAccount : null,
        }
      : null,
    order:
      op.order && (view.kind === 'PAYMENT' || view.kind === 'REFUND')
        ? { merchantOrderNo: op.order.merchantOrderNo, subject: op.order.subject }
        : null,
    memo: op.memo,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    ledgerEntryId: op.ledgerEntryId,
    bankReference: op.bankReference,
    balanceAfter: posting?.balanceAfter ?? null,
  };
}

/** A merchant's receipt: a payment that paid one of its orders, a refund of one, or a payout. */
export async function loadMerchantReceiptSource(
  db: Db,
  merchantId: string,
  operationId: string,
): Promise<ReceiptSource> {
  if (!isUuid(operationId) || !isUuid(merchantId)) notFound();
  const op = completed(
    await db.walletOperation.findFirst({
      where: {
        id: operationId,
        OR: [
          { kind: 'PAYOUT', merchantId },
          { kind: { in: ['PAYMENT', 'REFUND'] }, order: { merchantId } },
        ],
      },
      include: {
        user: { select: { displayName: true } },
        bankAccount: { select: { bankName: true, accountNumber: true } },
        order: ORDER_FIELDS,
      },
    }),
  );
  // A bank payment for an order no longer payable went to the payer's balance, not the shop.
  if (op.kind === 'PAYMENT' && op.order?.paymentOperationId !== op.id) notFound();
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { shopName: true } });
  const fee = op.kind === 'PAYMENT' ? (op.order?.merchantFee ?? 0n) : op.kind === 'PAYOUT' ? op.fee : 0n;
  const net = op.kind === 'PAYMENT' ? op.amount - fee : -(op.amount + fee);
  const posting = await holderPosting(db, op.ledgerEntryId, merchantBalanceCode(merchantId), op.currency);
  return {
    operationId: op.id,
    type: op.kind as ReceiptSource['type'],
    currency: op.currency,
    amount: op.amount,
    fee,
    net,
    holder: { kind: 'MERCHANT', name: merchant.shopName, account: null },
    counterparty:
      op.kind === 'PAYOUT'
        ? { name: bankLabel(op.bankAccount) ?? '', account: null }
        : { name: maskName(op.user.displayName), account: null },
    order:
      op.order && op.kind !== 'PAYOUT'
        ? { merchantOrderNo: op.order.merchantOrderNo, subject: op.order.subject }
        : null,
    memo: op.kind === 'PAYOUT' ? op.memo : null,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    ledgerEntryId: op.ledgerEntryId,
    bankReference: op.bankReference,
    balanceAfter: posting?.balanceAfter ?? null,
  };
}
