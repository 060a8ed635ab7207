// Statements per request from the database's own log: for a short serial phase the server
// logs every statement (log_statement = 'all', switched on with ALTER SYSTEM and a reload,
// and reset afterwards, also on failure), with the application name and database in each
// line's prefix; the bench reads the lines its phase added to the embedded server's log
// (<data dir>.log, written by whichever process of this checkout started the server).
// Every statement the app's connections sent counts: the session look-up, the PIN check,
// BEGIN and COMMIT, each statement of the transaction. What the server sends on its own
// meanwhile (the sandbox bank's notice poller, the job queue) is measured in an idle window
// of the same length right after, with logging still on, and taken off text by text.
import fs from 'node:fs';
import pg from 'pg';

export type StatementCount = {
  /** Statements on this database per request, by the app's request-serving connections. */
  perRequest: number;
  /** Statements per request by application name (the job worker's included, for the record). */
  byApplication: Record<string, number>;
  /** Distinct statement texts (truncated) and how many of each per request, most first. */
  breakdown: { text: string; perRequest: number }[];
  /** Statements per request of the webhook deliveries that ran during the phase (not counted above). */
  deliveryPerRequest: number;
};

/** Background connections: not the request's own statements (they are shown apart). */
const BACKGROUND_APPLICATIONS = new Set(['wallet-jobs']);
/** The sandbox bank's poller shares the app's connection settings; no payment touches its schema. */
const isBankPoll = (text: string) => text.includes('sandbox_bank.');
// %v: the virtual transaction id, so a whole transaction (its BEGIN and COMMIT too) can be
// told apart when one of its statements is the webhook delivery's.
const PREFIX = '%m [%p] vx=%v app=%a db=%d ';
const LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] vx=(\S*) app=(.*?) db=(\S*) (\w+):  (.*)$/;
/**
 * The job worker delivering a payment's webhook after the answer was sent: it runs on the
 * app's own pool, so it is told by what it touches. Its transactions are counted apart.
 */
const isWebhookDelivery = (text: string) =>
  /webhook_attempts|UPDATE webhook_events|FROM webhook_events WHERE id|"merchants"\."id", "public"\."merchants"\."webhook_secret"/.test(
    text,
  );

export async function countStatements(
  adminUrl: string,
  logFile: string,
  database: string,
  requests: number,
  run: () => Promise<void>,
): Promise<StatementCount> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let from: number;
  let to: number;
  let end: number;
  try {
    await admin.query(`ALTER SYSTEM SET log_line_prefix = '${PREFIX}'`);
    await admin.query(`ALTER SYSTEM SET log_statement = 'all'`);
    await admin.query('SELECT pg_reload_conf()');
    await sleep(1000); // every backend reads the new settings at its next command
    from = fs.statSync(logFile).size;
    const started = Date.now();
    await run();
    const elapsed = Date.now() - started;
    await sleep(500); // the log is written through a pipe
    to = fs.statSync(logFile).size;
    await sleep(elapsed);
    end = fs.statSync(logFile).size;
  } finally {
    await admin.query('ALTER SYSTEM RESET log_statement').catch(() => undefined);
    await admin.query('ALTER SYSTEM RESET log_line_prefix').catch(() => undefined);
    await admin.query('SELECT pg_reload_conf()').catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
  const phase = parse(readRange(logFile, from, to), database);
  const idle = parse(readRange(logFile, to, end), database);
  return tally(phase, idle, requests);
}

function readRange(file: string, from: number, to: number): string {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(to - from);
  fs.readSync(fd, buffer, 0, buffer.length, from);
  fs.closeSync(fd);
  return buffer.toString('utf8');
}

type Statement = { app: string; vx: string; text: string };

function parse(log: string, database: string): Statement[] {
  const statements: Statement[] = [];
  let current: Statement | null = null;
  for (const line of log.split('\n')) {
    const m = LINE.exec(line);
    if (!m) {
      if (current && line.length > 0) current.text += ` ${line.trim()}`; // a multi-line statement
      continue;
    }
    current = null;
    const [, , vx, app, db, level, message] = m;
    if (db !== database || level !== 'LOG') continue;
    const stmt = /^(?:statement|execute [^:]*): (.*)$/.exec(message!);
    if (!stmt) continue;
    current = { app: app || '(none)', vx: vx!, text: stmt[1]! };
    statements.push(current);
  }
  return statements;
}

const short = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 110);

function tally(statements: Statement[], idle: Statement[], requests: number): StatementCount {
  const background = new Map<string, number>();
  for (const s of idle) {
    if (!BACKGROUND_APPLICATIONS.has(s.app)) background.set(short(s.text), (background.get(short(s.text)) ?? 0) + 1);
  }
  const byApplication: Record<string, number> = {};
  const texts = new Map<string, number>();
  const deliveries = new Set(statements.filter((s) => isWebhookDelivery(s.text)).map((s) => s.vx));
  let counted = 0;
  let delivery = 0;
  for (const s of statements) {
    byApplication[s.app] = (byApplication[s.app] ?? 0) + 1 / requests;
    if (BACKGROUND_APPLICATIONS.has(s.app) || isBankPoll(s.text)) continue;
    if (deliveries.has(s.vx)) {
      delivery++;
      continue;
    }
    counted++;
    texts.set(short(s.text), (texts.get(short(s.text)) ?? 0) + 1);
  }
  for (const [text, n] of background) {
    const seen = texts.get(text);
    if (seen === undefined) continue;
    const taken = Math.min(seen, n);
    counted -= taken;
    if (seen - taken > 0) texts.set(text, seen - taken);
    else texts.delete(text);
  }
  return {
    perRequest: counted / requests,
    deliveryPerRequest: delivery / requests,
    byApplication,
    breakdown: [...texts]
      .map(([text, n]) => ({ text, perRequest: n / requests }))
      .sort((a, b) => b.perRequest - a.perRequest),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
