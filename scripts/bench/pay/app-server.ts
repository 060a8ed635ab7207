// The server the bench drives: a fresh database (migrated, with the sandbox bank's tables the
// app needs to boot), a production build and `next start` on a free port, with random
// secrets as scripts/e2e-server.ts gives its server, and the bare baseline routes turned on.
// stop() stops Next and drops the database; the caller makes sure it runs on failure too.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { applySandboxBankMigrations } from '../../../sandbox-bank/db/migrate';
import { createFreshDatabase, type FreshDatabase } from '../../db/test-database';
import { freePort } from '../../lib/free-port';
import { productionRunEnv } from '../../lib/production-run-env';
import { runNext, stopChild } from '../../lib/run-next';
import { findInTree } from './process-cpu';

export type AppServer = {
  baseUrl: string;
  database: FreshDatabase;
  env: Record<string, string>;
  /** The process whose CPU is the server's (next-server, or `next start` itself when it serves in-process). */
  serverPid: number;
  stop(): Promise<void>;
};

export type DatabaseAndEnv = { database: FreshDatabase; env: Record<string, string>; port: number };

export async function prepareDatabase(preferredPort: number): Promise<DatabaseAndEnv> {
  const port = await freePort(preferredPort);
  const database = await createFreshDatabase('wallet_bench_pay');
  try {
    await applySandboxBankMigrations(database.url);
  } catch (err) {
    await database.drop().catch(() => undefined);
    await database.stopServer();
    throw err;
  }
  const env = {
    ...productionRunEnv(database.url, port),
    // app/api/bench-baseline/*: the same-run baselines.
    BENCH_BASELINE_ROUTES: '1',
  };
  return { database, env, port };
}

export function buildApp(env: Record<string, string>): void {
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, ...env },
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${String(build.status)})`);
}

export async function startApp({ database, env, port }: DatabaseAndEnv): Promise<AppServer> {
  const baseUrl = `http://localhost:${port}`;
  // BENCH_SERVER_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
  const profileDir = process.env.BENCH_SERVER_CPU_PROF;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const next: ChildProcess = runNext(['start', '-p', String(port)], env, nodeArgs);
  const stop = async () => {
    await stopChild(next);
  };
  try {
    await waitUntilUp(`${baseUrl}/api/bench-baseline/ping`, next);
  } catch (err) {
    await stop();
    throw err;
  }
  // `next start` serves in a child process named next-server when it forks one.
  const serverPid =
    findInTree(next.pid!, (cmdline, comm) => comm.startsWith('next-server') || cmdline.includes('next-server')) ??
    next.pid!;
  return { baseUrl, database, env, serverPid, stop };
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}) before answering`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      throw new Error(`${url} answered ${res.status}: is BENCH_BASELINE_ROUTES passed through?`);
    } catch (err) {
      if (err instanceof Error && err.message.includes('answered')) throw err;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
