// npm run bench:bill — what the (merchant_id, time) indexes of migration
// 20261126120000_daily_bill_indexes do for a merchant's daily bill (server/merchants/daily-bill.ts).
//
// On a fresh database (the embedded PostgreSQL unless DATABASE_URL is set; dropped at the end)
// it seeds, in plain SQL, a year of history (2025, Asia/Shanghai days) for five approved
// merchants: the measured one gets 300,000 orders, four others 100,000 each, interleaved in
// time as in a shared table. ~92% of the orders are paid, a tenth of those refunded in full or
// in part, and each merchant has one succeeded payout a day (plus a failed one every tenth
// day). The measured merchant's payments and refunds also get their PAYMENT / REFUND wallet
// operations: the rows of that merchant the payout query has to skip (the other merchants'
// are left out to keep the seeding short; they do not change this merchant's queries, whose
// baseline finds payouts through (status, kind, created_at) either way). After ANALYZE it
// times dailyBillCsv (the real function, through the app's Prisma client) for one day of the
// measured merchant: a few unmeasured warm-up calls, then N timed calls,
//   1. with the new indexes (the schema after the migration),
//   2. with the three new indexes dropped on this throwaway database (the schema before it),
// and prints median and p95 per phase, the plan each of the bill's three queries gets
// (EXPLAIN ANALYZE of the same SQL), and the ratio. Every call of both phases must return the
// same CSV, with as many lines as the three queries count in SQL.
//
//   --runs N     timed calls per phase (default 20)
//   --warmup N   unmeasured calls per phase before them (default 5)
//   --orders N   the measured merchant's orders (default 300000; the others get N/3 each)
//
// The last line is `RESULT {json}`; the exit code is 1 when the bills differ.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createDb, type Db } from '../../server/db';
import { dailyBillCsv } from '../../server/merchants/daily-bill';
import { shanghaiDayStart } from '../../lib/time/shanghai-day';
import { createFreshDatabase } from '../db/test-database';

// ---------------------------------------------------------------------------------------
// Options and constants

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} needs a whole number, got ${String(process.argv[i + 1])}`);
  return value;
}

const RUNS = Math.max(1, option('runs', 20));
const WARMUP = option('warmup', 5);
const ORDERS = Math.max(1_000, option('orders', 300_000));
const OTHER_MERCHANTS = 4; // each gets ORDERS / 3: of every 7 orders, 3 are the measured merchant's
const TOTAL_ORDERS = Math.round((ORDERS * (3 + OTHER_MERCHANTS)) / 3);
const CUSTOMERS = 2_000;
const DAYS = 365;
const FIRST_DAY = '2025-01-01';
const BILL_DATE = '2025-07-15';

/** The migration's indexes: dropped for the baseline phase. */
const NEW_INDEXES = [
  'orders_merchant_id_paid_at_idx',
  'refunds_merchant_id_created_at_idx',
  'wallet_operations_merchant_id_completed_at_idx',
];

// ---------------------------------------------------------------------------------------
// Seeding (one session: the temporary tables and function live in it). Ids are time-ordered
// like the app's UUIDv7 (@default(uuid(7))), so the tables' primary keys fill as in production.

async function seed(sql: pg.Client): Promise<string> {
  const start = shanghaiDayStart(FIRST_DAY)!;
  const merchantIds = Array.from({ length: 1 + OTHER_MERCHANTS }, () => randomUUID());
  await step('merchants, customers', () => seedMerchantsAndCustomers(sql, merchantIds, start));
  await step('orders', () => seedOrders(sql, start));
  await step('payments', () => seedPayments(sql, merchantIds[0]!));
  await step('refunds', () => seedRefunds(sql, merchantIds[0]!));
  await step('payouts', () => seedPayouts(sql, start));
  await step('ANALYZE', () => sql.query('ANALYZE'));
  return merchantIds[0]!;
}

async function step(name: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  console.log(`  seeded ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function seedMerchantsAndCustomers(sql: pg.Client, merchantIds: string[], start: Date): Promise<void> {
  // A UUIDv7-like id for the instant `at` (48 bits of milliseconds, version 7, random rest).
  await sql.query(
    `CREATE FUNCTION pg_temp.uuid7(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
       SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7'
               || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid
     $$`,
  );
  // bench_merchants.n = 0 is the measured merchant.
  await sql.query(
    `CREATE TEMP TABLE bench_merchants AS
     SELECT (t.n - 1)::int AS n, t.id, gen_random_uuid() AS user_id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [merchantIds],
  );
  await sql.query(
    `CREATE TEMP TABLE bench_customers AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, $1::int - 1) n`,
    [CUSTOMERS],
  );
  await sql.query(
    `INSERT INTO users (id, email, display_name, password_hash, role, created_at)
     SELECT user_id, 'bench-merchant-' || n || '@example.com', '压测商户 ' || n, 'x', 'MERCHANT'::"Role", $1::timestamptz FROM bench_merchants
     UNION ALL
     SELECT id, 'bench-customer-' || n || '@example.com', '顾客 ' || n, 'x', 'CUSTOMER', $1::timestamptz FROM bench_customers`,
    [start],
  );
  await sql.query(
    `INSERT INTO merchants (id, user_id, shop_name, status, webhook_secret, created_at, decided_at)
     SELECT id, user_id, '压测商户 ' || n, 'APPROVED', 'bench-secret', $1, $1 FROM bench_merchants`,
    [start],
  );
}

/**
 * TOTAL_ORDERS orders evenly over DAYS days in creation order (as a real table fills up; of
 * every 7, 3 are the measured merchant's and 1 each of the others'):
 * 6% expired, 2% closed, 5% refunded, 5% partially refunded, 32% shipped, the rest paid.
 * A paid order's paid_at is 20 s to 10 min after its creation; the fee is 0.6%.
 */
async function seedOrders(sql: pg.Client, start: Date): Promise<void> {
  await sql.query(
    `INSERT INTO orders (id, merchant_id, merchant_order_no, amount, currency, subject, status, expires_at, payer_user_id,
                         payment_method, payment_operation_id, merchant_fee, refunded_amount, paid_at, shipped_at, closed_at,
                         created_at, updated_at)
     SELECT pg_temp.uuid7(o.created_at), o.merchants[CASE WHEN o.i % 7 < 3 THEN 1 ELSE o.i % 7 - 1 END], 'BENCH-' || o.i,
            o.amount, 'CNY', '商品 ' || (o.i % 997), o.status::"OrderStatus",
            o.created_at + interval '30 minutes',
            CASE WHEN o.paid_at IS NOT NULL THEN o.customers[o.i % cardinality(o.customers) + 1] END,
            CASE WHEN o.paid_at IS NOT NULL THEN (CASE WHEN o.i % 3 = 0 THEN 'BANK' ELSE 'BALANCE' END)::"PaymentMethod" END,
            CASE WHEN o.paid_at IS NOT NULL THEN pg_temp.uuid7(o.paid_at) END,
            CASE WHEN o.paid_at IS NOT NULL THEN o.amount * 60 / 10000 ELSE 0 END,
            CASE o.status WHEN 'REFUNDED' THEN o.amount WHEN 'PARTIALLY_REFUNDED' THEN o.amount / 2 ELSE 0 END,
            o.paid_at,
            CASE WHEN o.status = 'SHIPPED' THEN o.created_at + interval '1 day' END,
            CASE WHEN o.status IN ('CLOSED', 'EXPIRED') THEN o.created_at + interval '30 minutes' END,
            o.created_at, o.created_at + interval '1 day'
     FROM (
       SELECT s.*, (SELECT array_agg(id ORDER BY n) FROM bench_merchants) AS merchants,
              (SELECT array_agg(id ORDER BY n) FROM bench_customers) AS customers,
              CASE WHEN s.status NOT IN ('EXPIRED', 'CLOSED')
                   THEN s.created_at + (20 + floor(random() * 580)) * interval '1 second' END AS paid_at
       FROM (
         SELECT i, $1::timestamptz + i * ($2::float8 * interval '1 millisecond') AS created_at,
                100 + floor(random() * 50000)::bigint AS amount,
                CASE WHEN r < 0.06 THEN 'EXPIRED' WHEN r < 0.08 THEN 'CLOSED' WHEN r < 0.13 THEN 'REFUNDED'
                     WHEN r < 0.18 THEN 'PARTIALLY_REFUNDED' WHEN r < 0.50 THEN 'SHIPPED' ELSE 'PAID' END AS status
         FROM (SELECT i, random() AS r FROM generate_series(0, $3::int - 1) i) g
       ) s
     ) o`,
    [start, (DAYS * 86_400_000) / TOTAL_ORDERS, TOTAL_ORDERS],
  );
}

/** The PAYMENT operation of each of the merchant's paid orders. */
async function seedPayments(sql: pg.Client, merchantId: string): Promise<void> {
  await sql.query(
    `INSERT INTO wallet_operations (id, user_id, kind, status, currency, amount, order_id, merchant_id, payment_method,
                                    idempotency_key, request_hash, created_at, completed_at)
     SELECT payment_operation_id, payer_user_id, 'PAYMENT', 'SUCCEEDED', currency, amount, id, merchant_id, payment_method,
            'pay:' || id, 'bench', paid_at - interval '5 seconds', paid_at
     FROM orders WHERE merchant_id = $1 AND payment_operation_id IS NOT NULL`,
    [merchantId],
  );
}

/** One refund (1 h to 3 days after payment) per refunded order; the merchant's with their REFUND operations. */
async function seedRefunds(sql: pg.Client, merchantId: string): Promise<void> {
  await sql.query(
    `INSERT INTO refunds (id, order_id, merchant_id, amount, reason, ledger_entry_id, operation_id, idempotency_key, request_hash, created_at)
     SELECT pg_temp.uuid7(at), id, merchant_id, refunded_amount, '压测退款', pg_temp.uuid7(at), pg_temp.uuid7(at), 'refund-' || id, 'bench', at
     FROM (SELECT *, paid_at + interval '1 hour' + random() * interval '3 days' AS at FROM orders WHERE refunded_amount > 0) o
     ORDER BY at`,
  );
  await sql.query(
    `INSERT INTO wallet_operations (id, user_id, kind, status, currency, amount, order_id, merchant_id, memo, ledger_entry_id,
                                    idempotency_key, request_hash, created_at, completed_at)
     SELECT r.operation_id, o.payer_user_id, 'REFUND', 'SUCCEEDED', o.currency, r.amount, o.id, r.merchant_id, r.reason, r.ledger_entry_id,
            'refund:' || r.merchant_id || ':' || r.idempotency_key, 'bench', r.created_at, r.created_at
     FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.merchant_id = $1 ORDER BY r.created_at`,
    [merchantId],
  );
}

/** Per merchant and day a succeeded payout at 10:00 (settled 2 min later); every tenth day also a failed one. */
async function seedPayouts(sql: pg.Client, start: Date): Promise<void> {
  await sql.query(
    `INSERT INTO wallet_operations (id, user_id, kind, status, currency, amount, fee, merchant_id, failure_reason,
                                    idempotency_key, request_hash, created_at, completed_at)
     SELECT pg_temp.uuid7(p.at), m.user_id, 'PAYOUT', p.status::"OperationStatus", 'CNY',
            100000 + floor(random() * 5000000)::bigint, 200, m.id,
            CASE WHEN p.status = 'FAILED' THEN 'bench: refused by the bank' END,
            'payout-' || p.status || '-' || d, 'bench', p.at, p.at + interval '2 minutes'
     FROM bench_merchants m
     CROSS JOIN generate_series(0, $2::int - 1) d
     CROSS JOIN LATERAL (
       SELECT 'SUCCEEDED' AS status, $1::timestamptz + d * interval '1 day' + interval '10 hours' AS at
       UNION ALL
       SELECT 'FAILED', $1::timestamptz + d * interval '1 day' + interval '15 hours' WHERE d % 10 = 9
     ) p
     ORDER BY p.at`,
    [start, DAYS],
  );
}

// ---------------------------------------------------------------------------------------
// Measuring

type Phase = { label: string; p50: number; p95: number; csv: string; lines: number; plans: string[] };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Bill lines of a CSV: all but the header and the totals line. */
function billLineCount(csv: string): number {
  return csv.split('\r\n').length - 1 - 2;
}

async function timePhase(db: Db, sql: pg.Client, label: string, merchantId: string): Promise<Phase> {
  for (let i = 0; i < WARMUP; i++) await dailyBillCsv(db, merchantId, BILL_DATE);
  const ms: number[] = [];
  let csv: string | undefined;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const out = await dailyBillCsv(db, merchantId, BILL_DATE);
    ms.push(performance.now() - started);
    if (csv !== undefined && out !== csv) throw new Error(`${label}: call ${i + 1} returned another bill than call 1`);
    csv = out;
  }
  ms.sort((a, b) => a - b);
  const plans = await explainBill(sql, merchantId);
  const phase = {
    label,
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    csv: csv!,
    lines: billLineCount(csv!),
    plans,
  };
  console.log(
    `${label}: ${RUNS} bills of ${phase.lines} lines, median ${phase.p50.toFixed(2)} ms, p95 ${phase.p95.toFixed(2)} ms`,
  );
  for (const plan of phase.plans) console.log(`  ${plan}`);
  return phase;
}

/** The bill's three queries in SQL, with the same conditions as daily-bill.ts's Prisma calls (for EXPLAIN and counts). */
const BILL_QUERIES: Array<[string, string]> = [
  ['orders', `SELECT * FROM orders WHERE merchant_id = $1 AND paid_at >= $2 AND paid_at < $3`],
  ['refunds', `SELECT * FROM refunds WHERE merchant_id = $1 AND created_at >= $2 AND created_at < $3`],
  [
    'payouts',
    `SELECT * FROM wallet_operations
     WHERE merchant_id = $1 AND kind = 'PAYOUT' AND status = 'SUCCEEDED' AND completed_at >= $2 AND completed_at < $3`,
  ],
];

function billDay(): [Date, Date] {
  const from = shanghaiDayStart(BILL_DATE)!;
  return [from, new Date(from.getTime() + 86_400_000)];
}

/** How many rows the three queries return together: what the bill must have as lines. */
async function expectedLines(sql: pg.Client, merchantId: string): Promise<number> {
  let total = 0;
  for (const [, query] of BILL_QUERIES) total += (await sql.query(query, [merchantId, ...billDay()])).rowCount ?? 0;
  return total;
}

type PlanNode = {
  'Node Type': string;
  'Parallel Aware'?: boolean;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
};

/** One line per query: the scans the planner chose, rows returned, execution time. */
async function explainBill(sql: pg.Client, merchantId: string): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, query] of BILL_QUERIES) {
    const { rows } = await sql.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`, [merchantId, ...billDay()]);
    const explained = (rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> })[
      'QUERY PLAN'
    ][0]!;
    const scans: string[] = [];
    const walk = (node: PlanNode) => {
      if (node['Node Type'].includes('Scan')) {
        // EXPLAIN gives row counts per loop (per process of a parallel scan): totals here.
        const total = (n: number | undefined) => Math.round((n ?? 0) * node['Actual Loops']);
        const removed = total(node['Rows Removed by Filter']) + total(node['Rows Removed by Index Recheck']);
        const type = `${node['Parallel Aware'] ? 'Parallel ' : ''}${node['Node Type']}`;
        scans.push(
          `${type} ${node['Index Name'] ?? node['Relation Name'] ?? ''} (${total(node['Actual Rows'])} rows${removed ? `, ${removed} filtered out` : ''})`,
        );
      }
      node.Plans?.forEach(walk);
    };
    walk(explained.Plan);
    lines.push(`${name.padEnd(8)} ${explained['Execution Time'].toFixed(2).padStart(8)} ms  ${scans.join(' → ')}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------
// The run

const database = await createFreshDatabase('bill_bench');
const sql = new pg.Client({ connectionString: database.url });
const db = createDb(database.url, 4);
try {
  await sql.connect();
  const seedStarted = performance.now();
  const merchantId = await seed(sql);
  const counts = (
    await sql.query<{ orders: string; merchant_orders: string; refunds: string; operations: string }>(
      `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM orders WHERE merchant_id = $1) AS merchant_orders,
              (SELECT count(*) FROM refunds) AS refunds, (SELECT count(*) FROM wallet_operations) AS operations`,
      [merchantId],
    )
  ).rows[0]!;
  console.log(
    `seeded ${counts.orders} orders (${counts.merchant_orders} of the measured merchant), ${counts.refunds} refunds, ${counts.operations} wallet operations ` +
      `over ${DAYS} days in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; bill of ${BILL_DATE}, ${WARMUP} warm-up + ${RUNS} timed calls per phase`,
  );
  const expected = await expectedLines(sql, merchantId);

  const withIndexes = await timePhase(db, sql, 'with the indexes', merchantId);
  await sql.query(`DROP INDEX ${NEW_INDEXES.map((n) => `"${n}"`).join(', ')}`);
  const without = await timePhase(db, sql, 'without them (baseline)', merchantId);

  const sameBill = withIndexes.csv === without.csv && withIndexes.lines === expected && expected > 0;
  const speedup = without.p50 / withIndexes.p50;
  console.log(
    `baseline / with indexes: ${speedup.toFixed(1)}x at the median, ${(without.p95 / withIndexes.p95).toFixed(1)}x at p95; ` +
      (sameBill
        ? `same bill (${expected} lines) both ways`
        : `BILLS DIFFER (lines ${withIndexes.lines} / ${without.lines}, expected ${expected})`),
  );
  console.log(
    `RESULT ${JSON.stringify({
      with_indexes_p50_ms: Number(withIndexes.p50.toFixed(2)),
      with_indexes_p95_ms: Number(withIndexes.p95.toFixed(2)),
      without_indexes_p50_ms: Number(without.p50.toFixed(2)),
      without_indexes_p95_ms: Number(without.p95.toFixed(2)),
      speedup: Number(speedup.toFixed(1)),
      orders: Number(counts.orders),
      merchant_orders: Number(counts.merchant_orders),
      refunds: Number(counts.refunds),
      wallet_operations: Number(counts.operations),
      bill_lines: withIndexes.lines,
      runs: RUNS,
      same_bill: sameBill,
    })}`,
  );
  if (!sameBill) process.exitCode = 1;
} finally {
  await db.$disconnect();
  await sql.end().catch(() => {});
  await database.drop();
  await database.stopServer();
}
