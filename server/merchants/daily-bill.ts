// A merchant's daily bill (API GET /bills/{date}, dashboard download): the money that moved on
// its balance during one Asia/Shanghai day, one line per order paid, refund made and payout
// settled that day, then a totals line. Amounts are signed yuan (what the line did to the
// balance before fees): a payment is +, a refund or a payout is −; 净额 = 金额 − 手续费. So the
// columns add up, and a closed day's bill never changes (payouts count when they succeeded).
import 'server-only';
import { formatAmountPlain, type Currency } from '@/ledger';
import type { Db } from '../db';
import { shanghaiDayStart } from '../../lib/time/shanghai-day';
import { InvalidInputError } from '../core/domain-errors';
import { CSV_BOM, csvCell, csvLine } from '../wallet/activity/csv';

export const DAILY_BILL_HEADER = [
  '类型 Type',
  '时间 Time',
  '订单号 Order ID',
  '商户订单号 Merchant order no',
  '商品 Subject',
  '金额（元）Amount',
  '手续费（元）Fee',
  '净额（元）Net',
  '流水号 Reference',
];

type BillLine = {
  type: 'PAYMENT' | 'REFUND' | 'PAYOUT';
  at: Date;
  orderId: string | null;
  merchantOrderNo: string | null;
  subject: string | null;
  amount: bigint;
  fee: bigint;
  currency: string;
  reference: string;
};

const TYPE_LABEL: Record<BillLine['type'], string> = {
  PAYMENT: '收款 PAYMENT',
  REFUND: '退款 REFUND',
  PAYOUT: '提现 PAYOUT',
};

/** The bill as CSV text (UTF-8 with a BOM so spreadsheets read the Chinese right). */
export async function dailyBillCsv(db: Db, merchantId: string, date: string): Promise<string> {
  const from = shanghaiDayStart(date);
  if (!from) throw new InvalidInputError('date', 'date must be a calendar date YYYY-MM-DD');
  const to = new Date(from.getTime() + 86_400_000);
  const lines = await billLines(db, merchantId, from, to);

  let out = CSV_BOM + csvLine(DAILY_BILL_HEADER.map((h) => csvCell(h)));
  let amount = 0n;
  let fee = 0n;
  for (const line of lines) {
    amount += line.amount;
    fee += line.fee;
    out += csvLine([
      csvCell(TYPE_LABEL[line.type]),
      csvCell(formatShanghai(line.at)),
      csvCell(line.orderId),
      csvCell(line.merchantOrderNo),
      csvCell(line.subject),
      money(line.amount, line.currency),
      money(line.fee, line.currency),
      money(line.amount - line.fee, line.currency),
      csvCell(line.reference),
    ]);
  }
  // Every line of a bill is in the merchant's one currency (CNY).
  const currency = lines[0]?.currency ?? 'CNY';
  out += csvLine([
    csvCell(`合计 Total (${lines.length})`),
    '',
    '',
    '',
    '',
    money(amount, currency),
    money(fee, currency),
    money(amount - fee, currency),
    '',
  ]);
  return out;
}

async function billLines(db: Db, merchantId: string, from: Date, to: Date): Promise<BillLine[]> {
  const [paid, refunds, payouts] = await Promise.all([
    db.order.findMany({
      where: { merchantId, paidAt: { gte: from, lt: to } },
      select: {
        id: true,
        merchantOrderNo: true,
        subject: true,
        amount: true,
        merchantFee: true,
        currency: true,
        paidAt: true,
        paymentOperationId: true,
      },
    }),
    db.refund.findMany({
      where: { merchantId, createdAt: { gte: from, lt: to } },
      select: {
        id: true,
        amount: true,
        createdAt: true,
        order: { select: { id: true, merchantOrderNo: true, subject: true, currency: true } },
      },
    }),
    db.walletOperation.findMany({
      where: { merchantId, kind: 'PAYOUT', status: 'SUCCEEDED', completedAt: { gte: from, lt: to } },
      select: { id: true, amount: true, fee: true, currency: true, completedAt: true },
    }),
  ]);
  const lines: BillLine[] = [
    ...paid.map((o) => ({
      type: 'PAYMENT' as const,
      at: o.paidAt!,
      orderId: o.id,
      merchantOrderNo: o.merchantOrderNo,
      subject: o.subject,
      amount: o.amount,
      fee: o.merchantFee,
      currency: o.currency,
      reference: o.paymentOperationId ?? '',
    })),
    ...refunds.map((r) => ({
      type: 'REFUND' as const,
      at: r.createdAt,
      orderId: r.order.id,
      merchantOrderNo: r.order.merchantOrderNo,
      subject: r.order.subject,
      amount: -r.amount,
      fee: 0n,
      currency: r.order.currency,
      reference: r.id,
    })),
    ...payouts.map((p) => ({
      type: 'PAYOUT' as const,
      at: p.completedAt!,
      orderId: null,
      merchantOrderNo: null,
      subject: null,
      amount: -p.amount,
      fee: p.fee,
      currency: p.currency,
      reference: p.id,
    })),
  ];
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime() || a.reference.localeCompare(b.reference));
}

function money(amount: bigint, currency: string): string {
  return csvCell(formatAmountPlain(amount, currency as Currency), { numeric: true });
}

function formatShanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}
