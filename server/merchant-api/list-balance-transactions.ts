// The merchant balance's statement (ledger history, newest first) in the API's shape. The
// cursor is the ledger's opaque one, handed back as next_cursor.
import 'server-only';
import { AccountNotFoundError, DEFAULT_CURRENCY, merchantBalanceCode, type EntryKind } from '@/ledger';
import type { Db } from '../db';
import { getAccountHistory } from '../stored-ledger';

export type BalanceTransactionJson = {
  id: string;
  entry_id: string;
  kind: string;
  amount: number;
  balance_after: number;
  created_at: string;
  description: string;
};

const DESCRIPTIONS: Partial<Record<EntryKind, string>> = {
  PAYMENT: '收款（余额支付）Payment from balance',
  ONLINE_BANKING_PAYMENT: '收款（网银支付）Payment by online banking',
  REFUND: '退款 Refund',
  PAYOUT: '提现到结算账户 Payout',
  ADJUSTMENT: '调账 Adjustment',
  WRITE_OFF: '核销 Write-off',
};

export async function listBalanceTransactions(
  db: Db,
  merchantId: string,
  options: { limit: number; cursor?: string | undefined },
): Promise<{ data: BalanceTransactionJson[]; hasMore: boolean; nextCursor: string | null }> {
  try {
    const page = await getAccountHistory(db, merchantBalanceCode(merchantId), DEFAULT_CURRENCY, {
      limit: options.limit,
      cursor: options.cursor ?? null,
    });
    const data = page.lines.map((line) => {
      const orderId = line.metadata.orderId;
      return {
        id: `bt_${line.sequence}`,
        entry_id: line.entryId,
        kind: line.kind,
        amount: Number(line.amount),
        balance_after: Number(line.balanceAfter),
        created_at: line.createdAt.toISOString(),
        description: `${DESCRIPTIONS[line.kind] ?? line.kind}${orderId ? ` · order ${orderId}` : ''}`,
      };
    });
    return { data, hasMore: page.nextCursor !== null, nextCursor: page.nextCursor };
  } catch (error) {
    if (error instanceof AccountNotFoundError) return { data: [], hasMore: false, nextCursor: null };
    throw error;
  }
}
