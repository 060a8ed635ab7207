// `npm run bench:pay`: the product's own paths over HTTP on a production build (issue 20),
// beside a bare route on the same server in the same run.
//
// Set-up (not timed): a fresh database, `next build` (skip with --skip-build when .next is
// current), `next start` with random secrets and the bare baseline routes on
// (app/api/bench-baseline/), 2,000 customers with a payment PIN, ¥100,000 and a session each,
// 100 approved merchants with an API key each, the first of them the "hot" one
// (scripts/bench/pay/seed.ts). A real browser then pays one order and makes one transfer by
// clicking; the server action requests it sent are the templates every payment and transfer
// of the load replays (scripts/bench/pay/capture-in-browser.ts).
//
// Workloads, each at every --clients count (16 and 64), each connection one caller:
//   create_order   merchants POST /api/v1/orders with their key and an Idempotency-Key (201)
//   pay            customers pay PENDING orders of the 100 merchants from the balance through the
//                  checkout's server action with the PIN; a new order and key per request; an
//                  answer counts only if the action's result says ok
//   pay_hot        the same, every order of the hot merchant
//   transfer       customer → random customer through the transfer page's action, with the PIN
//   home           GET / signed in (HTML, 200)
//   checkout_page  GET /pay/<id> of a PENDING order signed in (HTML, 200)
// Withdrawals are left out: the withdraw action needs a bank card linked through the sandbox
// bank's binding flow for each customer, and pays out through the bank.
// Alternated with them, round by round: baseline_route (POST, one UPDATE of two rows through a
// plain pg pool) before each write round, baseline_get (GET, a small text) before each page
// round. Figures are medians of the rounds; ratio = workload / its baseline in the same run.
// Per request: the server's CPU (the `next start` process tree, from /proc) and the database's
// (the PostgreSQL server's process tree); what both burn when idle is printed beside them.
// Before every round the bench waits until the server answers the bare GET quickly again, so
// requests the previous round left in flight do not count against the next one. Orders carry a
// notify_url on the bench's own sink (pay/webhook-sink.ts), so payments write and deliver their
// webhooks as a real merchant's would. The ledger invariants are checked after each workload.
// Statements per payment, transfer and order come from the database's own log in a serial
// phase at the end (scripts/bench/pay/statement-log.ts).
//
// Options: --seconds N (per round, 3), --rounds N (3), --clients 16,64, --only pay,home,
//          --skip-build, --customers N (2000), --merchants N (100), --statement-samples N (50),
//          --port N (3510, or the next free one).
// The last line is `RESULT {json}`.
import { randomInt, randomUUID } from 'node:crypto';
import { createDb, type Db } from '../../server/db';
import { checkLedgerInvariants, formatInvariantReport } from '../../server/stored-ledger/check-invariants';
import { buildApp, prepareDatabase, startApp, type AppServer, type DatabaseAndEnv } from './pay/app-server';
import { actionSucceeded, replayAction, type CapturedAction } from './pay/captured-action';
import { captureFlows } from './pay/capture-in-browser';
import { runLoad, type BuiltRequest, type LoadResult, type LoadSpec } from './pay/load';
import { parseOptions, type WorkloadName } from './pay/options';
import { createBenchOrder, notifyTarget, ORDER_AMOUNT, OrderSupply } from './pay/order-supply';
import { postmasterPid, treeCpuMs } from './pay/process-cpu';
import { BENCH_PIN, seedBaselineAccounts, seedCustomers, seedMerchants, type Customer } from './pay/seed';
import { countStatements, type StatementCount } from './pay/statement-log';
import { startWebhookSink, type WebhookSink } from './pay/webhook-sink';

const options = parseOptions(process.argv.slice(2));
const BASELINE_ACCOUNTS = 10_000;
const log = (line: string) => console.log(line);

type Round = LoadResult & { serverCpuMs: number; dbCpuMs: number };
type Summary = {
  opsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  answers: number;
  serverCpuMs: number;
  dbCpuMs: number;
};

const median = (values: number[]): number => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
};

function summarise(rounds: Round[]): Summary {
  return {
    opsPerSecond: median(rounds.map((r) => r.opsPerSecond)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    failed: rounds.reduce((n, r) => n + r.failed, 0),
    answers: rounds.reduce((n, r) => n + r.answers, 0),
    serverCpuMs: median(rounds.map((r) => r.serverCpuMs)),
    dbCpuMs: median(rounds.map((r) => r.dbCpuMs)),
  };
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const round2 = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : null);

async function main(): Promise<void> {
  const started = Date.now();
  const prepared: DatabaseAndEnv = await prepareDatabase(options.port);
  const { database, env } = prepared;
  // The seed hashes PINs with the server's pepper; env() is read once, so this comes first.
  Object.assign(process.env, {
    DATABASE_URL: env.DATABASE_URL,
    PIN_PEPPER: env.PIN_PEPPER,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
    DATA_ENCRYPTION_KEY: env.DATA_ENCRYPTION_KEY,
  });
  let db: Db | undefined;
  let app: AppServer | undefined;
  let sink: WebhookSink | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await app?.stop().catch(() => undefined);
    await sink?.close().catch(() => undefined);
    await db?.$disconnect().catch(() => undefined);
    await database.drop().catch((e: unknown) => console.error(`could not drop ${database.name}: ${String(e)}`));
    await database.stopServer().catch(() => undefined);
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (!options.skipBuild) {
      log('[bench] next build …');
      buildApp(env);
    }
    sink = await startWebhookSink();
    notifyTarget.url = sink.url;
    const seedStart = Date.now();
    db = createDb(database.url, 8);
    const customers = await seedCustomers(db, options.customers, env.NEXTAUTH_SECRET!);
    const merchants = await seedMerchants(db, options.merchants);
    await seedBaselineAccounts(db, BASELINE_ACCOUNTS);
    log(
      `[bench] seeded ${customers.length} customers, ${merchants.length} merchants in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    app = await startApp(prepared);
    const dataDir = (await db.$queryRawUnsafe<{ data_directory: string }[]>('SHOW data_directory'))[0]!.data_directory;
    const dbPid = postmasterPid(dataDir);
    log(`[bench] ${app.baseUrl}: server pid ${app.serverPid}, PostgreSQL postmaster pid ${dbPid ?? 'not readable'}`);

    const hot = merchants[0]!;
    const spread = new OrderSupply(
      db,
      merchants.map((m) => m.id),
    );
    const hotSupply = new OrderSupply(db, [hot.id]);
    const flows = await captureFlows(
      app.baseUrl,
      customers[0]!.cookie,
      await createBenchOrder(db, merchants[1]!.id),
      customers[1]!.email,
    );
    log(`[bench] captured in the browser: pay → POST ${flows.pay.path} ${describe(flows.pay)}`);
    log(`[bench] captured in the browser: transfer → POST ${flows.transfer.path} ${describe(flows.transfer)}`);
    const pagesToView = await Promise.all(merchants.slice(0, 50).map((m) => createBenchOrder(db!, m.id)));

    // What the server and the database burn with no request at all (the job queue's and the
    // sandbox bank's pollers): part of every per-request figure, shown so it can be read apart.
    const idle0 = { server: treeCpuMs(app.serverPid), db: dbPid ? treeCpuMs(dbPid) : NaN, at: Date.now() };
    await new Promise((r) => setTimeout(r, 3000));
    const idleSeconds = (Date.now() - idle0.at) / 1000;
    const idle = {
      server: (treeCpuMs(app.serverPid) - idle0.server) / idleSeconds,
      db: ((dbPid ? treeCpuMs(dbPid) : NaN) - idle0.db) / idleSeconds,
    };
    log(`[bench] idle: server ${fixed(idle.server)} ms of CPU per second, database ${fixed(idle.db)} ms per second`);

    const specs = workloadSpecs({ customers, merchants, flows, spread, hotSupply, pagesToView });
    const results = new Map<string, Summary>();
    let invariantsOk = true;
    const measure = async (clients: number, spec: LoadSpec<unknown>, seconds = options.seconds): Promise<Round> => {
      // Requests the last round left in flight (autocannon stops waiting; the server does not)
      // would otherwise be this round's work and latency.
      await drain(app!.baseUrl);
      const server0 = treeCpuMs(app!.serverPid);
      const db0 = dbPid ? treeCpuMs(dbPid) : NaN;
      const load = await runLoad(app!.baseUrl, clients, seconds, spec);
      const perRequest = (ms: number) => (load.answers > 0 ? ms / load.answers : NaN);
      return {
        ...load,
        serverCpuMs: perRequest(treeCpuMs(app!.serverPid) - server0),
        dbCpuMs: perRequest(dbPid ? treeCpuMs(dbPid) - db0 : NaN),
      };
    };
    // Orders the pay workloads may need this round: twice the fastest rate seen, and more.
    const rateSeen = new Map<WorkloadName, number>();
    const prepare = async (name: WorkloadName, clients: number, seconds: number) => {
      const supply = name === 'pay' ? spread : name === 'pay_hot' ? hotSupply : null;
      if (!supply) return;
      const rate = Math.max(rateSeen.get(name) ?? 0, 300);
      await supply.fill(Math.ceil(rate * seconds * 2) + clients * 2);
    };
    const seeRate = (name: WorkloadName, round: Round) =>
      rateSeen.set(name, Math.max(rateSeen.get(name) ?? 0, round.answers / round.seconds));

    for (const [ci, clients] of options.clients.entries()) {
      const suffix = ci === 0 ? '' : `_${clients}`;
      const baselines = { write: [] as Round[], page: [] as Round[] };
      await measure(clients, specs.baseline_route, 1); // warm-up, not counted
      await measure(clients, specs.baseline_get, 1);
      for (const name of options.only) {
        const spec = specs[name];
        const kind = name === 'home' || name === 'checkout_page' ? 'page' : 'write';
        const baseline = kind === 'page' ? specs.baseline_get : specs.baseline_route;
        // A short unmeasured run first: Next compiles nothing at runtime, but V8 and the pools warm up.
        await prepare(name, clients, 1);
        seeRate(name, await measure(clients, spec, 1));
        const rounds: Round[] = [];
        const baseRounds: Round[] = [];
        for (let r = 0; r < options.rounds; r++) {
          baseRounds.push(await measure(clients, baseline));
          await prepare(name, clients, options.seconds);
          const before = { spread: spread.ranDry, hot: hotSupply.ranDry };
          const round = await measure(clients, spec);
          seeRate(name, round);
          const dry = spread.ranDry - before.spread + hotSupply.ranDry - before.hot;
          if (dry > 0) log(`[bench] ${name}: ${dry} requests found no order left to pay (counted as failures)`);
          rounds.push(round);
        }
        baselines[kind].push(...baseRounds);
        const report = await checkLedgerInvariants(db);
        if (!report.ok) {
          invariantsOk = false;
          log(`[bench] invariants after ${name}@${clients}: ${formatInvariantReport(report)}`);
        }
        const s = summarise(rounds);
        const b = summarise(baseRounds);
        results.set(`${name}${suffix}`, s);
        results.set(`${name}_baseline${suffix}`, b);
        log(
          `${`${name}@${clients}`.padEnd(18)} ${fixed(s.opsPerSecond).padStart(8)} ops/s  p50 ${fixed(s.p50).padStart(6)} ms  p99 ${fixed(s.p99).padStart(7)} ms  ` +
            `failed ${String(s.failed).padStart(5)}/${s.answers}  server ${fixed(s.serverCpuMs, 2)} ms/req  db ${fixed(s.dbCpuMs, 2)} ms/req  ` +
            `| ${kind === 'page' ? 'baseline_get' : 'baseline_route'} ${fixed(b.opsPerSecond)} ops/s (server ${fixed(b.serverCpuMs, 2)} ms/req)  ` +
            `ratio ${fixed(s.opsPerSecond / b.opsPerSecond, 3)}  invariants_ok ${report.ok}`,
        );
        for (const f of rounds.flatMap((r) => r.failures).slice(0, 3)) log(`    failure: ${f}`);
        for (const f of baseRounds.flatMap((r) => r.failures).slice(0, 3)) log(`    baseline failure: ${f}`);
      }
      for (const kind of ['write', 'page'] as const) {
        if (baselines[kind].length > 0) results.set(`baseline_${kind}${suffix}`, summarise(baselines[kind]));
      }
    }

    // Statements per request: a serial phase with every statement logged.
    const logFile = `${dataDir}.log`;
    const statements: Record<string, StatementCount | null> = {};
    const serial = async (name: string, requests: () => BuiltRequest, ok: (s: number, b: string) => boolean) => {
      // Pages the last round left rendering would be logged as this phase's statements.
      await drain(app!.baseUrl);
      try {
        statements[name] = await countStatements(
          database.url,
          logFile,
          database.name,
          options.statementSamples,
          async () => {
            for (let i = 0; i < options.statementSamples; i++) {
              const req = requests();
              const res = await fetch(`${app!.baseUrl}${req.path}`, {
                method: req.method,
                headers: req.headers,
                body: req.body ?? null,
              });
              const body = await res.text();
              if (!ok(res.status, body))
                throw new Error(`${name}: a request failed: ${res.status} ${body.slice(0, 200)}`);
            }
          },
        );
      } catch (error) {
        statements[name] = null;
        log(`[bench] statements per ${name}: not counted (${(error as Error).message})`);
      }
    };
    const payer = customers[2]!;
    const serialOrders: string[] = [];
    for (let i = 0; i < options.statementSamples; i++) serialOrders.push(await createBenchOrder(db, merchants[3]!.id));
    await serial(
      'payment',
      () => payRequest(flows.pay, payer, serialOrders.pop()!),
      (s, b) => actionSucceeded(s, b),
    );
    await serial(
      'transfer',
      () => transferRequest(flows.transfer, payer, customers[3]!),
      (s, b) => actionSucceeded(s, b),
    );
    await serial(
      'order',
      () => orderRequest(merchants[4]!.apiKey),
      (s) => s === 201,
    );
    for (const [name, count] of Object.entries(statements)) {
      if (!count) continue;
      log(
        `statements per ${name}: ${fixed(count.perRequest, 2)}; webhook deliveries meanwhile ${fixed(count.deliveryPerRequest, 2)} more (by connection: ${Object.entries(
          count.byApplication,
        )
          .map(([a, n]) => `${a} ${fixed(n, 2)}`)
          .join(', ')})`,
      );
      for (const line of count.breakdown) log(`    ${fixed(line.perRequest, 2).padStart(6)} × ${line.text}`);
    }
    const finalReport = await checkLedgerInvariants(db);
    if (!finalReport.ok) invariantsOk = false;

    log(`[bench] ${sink.received()} payment notifications delivered to the merchants' notify_url`);
    log(`[bench] ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
    const result = resultJson(results, statements, invariantsOk);
    result.server_idle_cpu_ms_per_s = round2(idle.server);
    result.db_idle_cpu_ms_per_s = round2(idle.db);
    log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await cleanup();
  }
}

/** Waits (up to 60 s) until the bare GET answers within 100 ms three times in a row. */
async function drain(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let fast = 0;
  while (fast < 3 && Date.now() < deadline) {
    const t0 = Date.now();
    const res = await fetch(`${baseUrl}/api/bench-baseline/ping`).catch(() => null);
    await res?.text();
    fast = res?.ok && Date.now() - t0 < 100 ? fast + 1 : 0;
    if (fast === 0) await new Promise((r) => setTimeout(r, 200));
  }
  if (fast < 3) log('[bench] the server was still busy 60 s after the last round');
}

function describe(action: CapturedAction): string {
  const headers = Object.keys(action.headers).filter((h) => h.startsWith('next-'));
  return `(headers ${headers.join(', ')}; multipart fields ${action.fields.map(([n]) => n).join(', ')})`;
}

function payRequest(template: CapturedAction, customer: Customer, orderId: string): BuiltRequest {
  return replayAction(template, customer.cookie, { orderId, idempotencyKey: randomUUID(), pin: BENCH_PIN });
}

function transferRequest(template: CapturedAction, from: Customer, to: Customer): BuiltRequest {
  return replayAction(template, from.cookie, {
    email: to.email,
    amount: '1.00',
    idempotencyKey: randomUUID(),
    pin: BENCH_PIN,
  });
}

/** POST /api/v1/orders as docs/merchant-api.md says: the key as a bearer token, an Idempotency-Key, JSON. */
function orderRequest(apiKey: string): BuiltRequest {
  return {
    method: 'POST',
    path: '/api/v1/orders',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'idempotency-key': randomUUID(),
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({
      merchant_order_no: `A-${randomUUID()}`,
      amount: Number(ORDER_AMOUNT),
      currency: 'CNY',
      subject: '压测订单',
      notify_url: notifyTarget.url,
    }),
  };
}

const isHtmlPage = (status: number, body: string) => status === 200 && body.includes('<html');

function workloadSpecs(ctx: {
  customers: Customer[];
  merchants: { id: string; apiKey: string }[];
  flows: { pay: CapturedAction; transfer: CapturedAction };
  spread: OrderSupply;
  hotSupply: OrderSupply;
  pagesToView: string[];
}): Record<WorkloadName | 'baseline_route' | 'baseline_get', LoadSpec<unknown>> {
  const { customers, merchants, flows, spread, hotSupply, pagesToView } = ctx;
  // Customers 0–3 are the browser's and the serial phase's; the load uses the others.
  const loadCustomers = customers.slice(4);
  const spec = <C>(s: LoadSpec<C>) => s as LoadSpec<unknown>;
  return {
    create_order: spec({
      callers: merchants,
      build: (m) => orderRequest(m.apiKey),
      succeeded: (status, body) => {
        if (status !== 201) return false;
        // Orders made through the API are paid by the pay workload later.
        const id = (JSON.parse(body) as { id?: unknown }).id;
        if (typeof id === 'string') spread.add(id);
        return true;
      },
    }),
    pay: spec({
      callers: loadCustomers,
      build: (c) => payRequest(flows.pay, c, spread.take()),
      succeeded: actionSucceeded,
    }),
    pay_hot: spec({
      callers: loadCustomers,
      build: (c) => payRequest(flows.pay, c, hotSupply.take()),
      succeeded: actionSucceeded,
    }),
    transfer: spec({
      callers: loadCustomers,
      build: (c) => {
        let to = loadCustomers[randomInt(loadCustomers.length)]!;
        if (to.id === c.id) to = loadCustomers[(loadCustomers.indexOf(c) + 1) % loadCustomers.length]!;
        return transferRequest(flows.transfer, c, to);
      },
      succeeded: actionSucceeded,
    }),
    home: spec({
      callers: loadCustomers,
      build: (c) => ({ method: 'GET', path: '/', headers: { cookie: c.cookie, accept: 'text/html' } }),
      succeeded: isHtmlPage,
    }),
    checkout_page: spec({
      callers: loadCustomers,
      build: (c) => ({
        method: 'GET',
        path: `/pay/${pagesToView[randomInt(pagesToView.length)]}`,
        headers: { cookie: c.cookie, accept: 'text/html' },
      }),
      succeeded: isHtmlPage,
    }),
    baseline_route: spec({
      callers: [null],
      build: () => {
        const from = 1 + randomInt(BASELINE_ACCOUNTS);
        const to = 1 + ((from + randomInt(BASELINE_ACCOUNTS - 1)) % BASELINE_ACCOUNTS);
        return { method: 'POST', path: `/api/bench-baseline/transfer?from=${from}&to=${to}`, headers: {} };
      },
      succeeded: (status) => status === 200,
    }),
    baseline_get: spec({
      callers: [null],
      build: () => ({ method: 'GET', path: '/api/bench-baseline/ping', headers: {} }),
      succeeded: (status, body) => status === 200 && body === 'pong',
    }),
  };
}

/** The RESULT line: the first --clients count unsuffixed, the others as `_<clients>`. */
function resultJson(
  results: Map<string, Summary>,
  statements: Record<string, StatementCount | null>,
  invariantsOk: boolean,
): Record<string, number | boolean | null> {
  const out: Record<string, number | boolean | null> = {};
  const keyOf: Record<WorkloadName, string> = {
    create_order: 'create_order_tps',
    pay: 'pay_tps',
    pay_hot: 'pay_hot_tps',
    transfer: 'transfer_tps',
    home: 'home_rps',
    checkout_page: 'checkout_rps',
  };
  const suffixes = options.clients.map((c, i) => (i === 0 ? '' : `_${c}`));
  for (const suffix of suffixes) {
    for (const [name, key] of Object.entries(keyOf)) {
      const s = results.get(`${name}${suffix}`);
      const b = results.get(`${name}_baseline${suffix}`);
      if (!s || !b) continue;
      const stem = key.replace(/_(tps|rps)$/, '');
      out[`${key}${suffix}`] = round2(s.opsPerSecond);
      out[`${stem}_p50_ms${suffix}`] = round2(s.p50);
      out[`${stem}_p99_ms${suffix}`] = round2(s.p99);
      out[`${stem}_ratio${suffix}`] = round2(s.opsPerSecond / b.opsPerSecond);
      out[`${stem}_failed${suffix}`] = s.failed;
      out[`${stem}_server_cpu_ms${suffix}`] = round2(s.serverCpuMs);
      out[`${stem}_db_cpu_ms${suffix}`] = round2(s.dbCpuMs);
    }
    const pay = results.get(`pay${suffix}`);
    if (pay) {
      out[`server_cpu_ms_per_payment${suffix}`] = round2(pay.serverCpuMs);
      out[`db_cpu_ms_per_payment${suffix}`] = round2(pay.dbCpuMs);
    }
    const route = results.get(`baseline_write${suffix}`);
    const get = results.get(`baseline_page${suffix}`);
    if (route) out[`baseline_route_tps${suffix}`] = round2(route.opsPerSecond);
    if (get) out[`baseline_get_rps${suffix}`] = round2(get.opsPerSecond);
  }
  out.withdraw_tps = null; // not measured: see the header
  out.statements_per_payment = round2(statements.payment?.perRequest ?? NaN);
  out.webhook_delivery_statements_per_payment = round2(statements.payment?.deliveryPerRequest ?? NaN);
  out.statements_per_transfer = round2(statements.transfer?.perRequest ?? NaN);
  out.statements_per_order = round2(statements.order?.perRequest ?? NaN);
  out.invariants_ok = invariantsOk;
  return out;
}

// An await that can never finish (nothing left to wake it) would otherwise end the process quietly.
process.on('beforeExit', () => {
  console.error('[bench] stopped waiting: a step never finished');
  process.exit(1);
});

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
