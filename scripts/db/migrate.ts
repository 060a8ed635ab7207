// Prisma Migrate without the native schema engine (it cannot be downloaded offline, docs/stack.md
// "Migrations"): Prisma's own WebAssembly schema engine (@prisma/schema-engine-wasm, the build
// matching prisma 7.10.0) driven through the @prisma/adapter-pg driver adapter.
//
// - applyMigrations  = `prisma migrate deploy`: same engine code, so the same
//   `_prisma_migrations` rows (checksums, logs, applied_steps_count) and the same advisory lock.
// - createMigration  = `prisma migrate dev --create-only` (minus applying pending migrations
//   and the data-loss prompt): the engine replays prisma/migrations on a shadow database and
//   diffs it with prisma/schema.prisma (its `diff` command: its createMigration cannot get a
//   PostgreSQL shadow database in the Wasm build); we write `<timestamp>_<name>/migration.sql`
//   and `migration_lock.toml` as the CLI does. Returns null when nothing changed.
//
// Quirks handled here (all found by running it):
// - the engine reads pg_catalog columns of type "char" (OID 18) that adapter-pg cannot decode
//   (UnsupportedNativeDataType) and then reads some with get_char(), so plain text is not
//   enough either (the engine panics describing pg_constraint.contype): the pg Client used
//   by the adapter reports them as text, and the adapter's queryRaw result then marks them
//   as the adapter type Character; a few other catalog-only types are reported as text;
// - the engine's timers (setTimeout import) are unref'd, or every process lingers 10 s;
// - adapter-pg's executeScript splits scripts on ';', which breaks functions, triggers and
//   DO blocks in hand-written migrations: scripts are sent whole (simple query protocol,
//   one implicit transaction, exactly like the native engine's batch_execute);
// - adapter-pg's shadow database drops the database before closing its pool (and builds it
//   from `{...config, database}`, which a connection string would override): our factory
//   closes the pool first, then runs DROP DATABASE … WITH (FORCE), and removes any shadow
//   database left over when the engine is done;
// - one connection per database (pool max 1): the engine takes a session advisory lock and
//   expects the following statements on the same session.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { parsePostgresUrl } from './database';
import { repoRoot } from './embedded-postgres';

export interface MigrateOptions {
  /** Default `<repo>/prisma/migrations` (as in prisma.config.ts). */
  migrationsDir?: string;
  /** Default `<repo>/prisma/schema.prisma` (as in prisma.config.ts). */
  schemaPath?: string;
}

const LOCKFILE_NAME = 'migration_lock.toml';
const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

function resolvePaths(opts: MigrateOptions): { migrationsDir: string; schemaPath: string } {
  const root = repoRoot();
  return {
    migrationsDir: path.resolve(opts.migrationsDir ?? path.join(root, 'prisma', 'migrations')),
    schemaPath: path.resolve(opts.schemaPath ?? path.join(root, 'prisma', 'schema.prisma')),
  };
}

/**
 * Applies the pending migrations of prisma/migrations, like `prisma migrate deploy`.
 * Returns the names of the migrations applied (empty when the database was up to date).
 */
export async function applyMigrations(databaseUrl: string, opts: MigrateOptions = {}): Promise<string[]> {
  const { migrationsDir, schemaPath } = resolvePaths(opts);
  return withEngine(databaseUrl, schemaPath, async (engine) => {
    const migrationsList = await readMigrationsList(migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

/**
 * Creates `prisma/migrations/<timestamp>_<name>/migration.sql` with the SQL that takes the
 * database described by the migrations folder to prisma/schema.prisma, like
 * `prisma migrate dev --create-only --name <name>`, and (re)writes migration_lock.toml.
 * Nothing is applied: the server at `databaseUrl` only hosts the temporary shadow database.
 * Returns the path of the new migration.sql, or null when the schema has no changes.
 *
 * The engine's own createMigration cannot build a PostgreSQL shadow database in the Wasm
 * build ("PostgreSQL shadow DB must be provided through an external factory"), but its
 * `diff` (migrations → schema) can and renders the script with the same code. The one
 * difference: `migrate dev` prefixes destructive migrations with a `/* Warnings: … *\/`
 * comment, which diff does not produce; `destructiveChanges()` flags them instead.
 */
export async function createMigration(
  databaseUrl: string,
  name: string,
  opts: MigrateOptions = {},
): Promise<string | null> {
  if (name.length > 200)
    throw new Error('P3014: The migration name is too long. It must not be longer than 200 characters.');
  const { migrationsDir, schemaPath } = resolvePaths(opts);
  const schemaContent = await fsp.readFile(schemaPath, 'utf8');
  const migrationsList = await readMigrationsList(migrationsDir);
  const provider = lockfileProvider(migrationsList.lockfile.content);
  if (provider !== null && provider !== CONNECTOR_TYPE) {
    throw new Error(
      `P3019: The datasource provider \`postgresql\` specified in your schema does not match the one specified in the migration_lock.toml, \`${provider}\`.`,
    );
  }
  const from: MigrationList = {
    ...migrationsList,
    lockfile: { ...migrationsList.lockfile, content: lockfileContent() },
  };

  const diff = await withEngine(databaseUrl, schemaPath, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...from },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schemaContent }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    }),
  );
  if (diff.exitCode !== 2) return null; // 0: the migrations already produce the schema

  // Same writes as the Prisma CLI (packages/migrate: createMigration → createMigrationDirectory,
  // writeMigrationScript, writeMigrationLockfile); directory name as the engine generates it.
  const dir = path.join(migrationsDir, `${utcTimestamp()}_${name}`);
  if (fs.existsSync(dir)) throw new Error(`The migration directory already exists at ${dir}`);
  await fsp.mkdir(dir, { recursive: true, mode: 0o777 });
  const file = path.join(dir, 'migration.sql');
  await fsp.writeFile(file, diff.stdout ?? '', { encoding: 'utf-8' });
  await fsp.writeFile(path.join(migrationsDir, LOCKFILE_NAME), lockfileContent(), { encoding: 'utf-8' });
  return file;
}

const CONNECTOR_TYPE = 'postgresql';

function lockfileContent(): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${CONNECTOR_TYPE}"\n`;
}

function lockfileProvider(content: string | null): string | null {
  if (content === null) return null;
  return /^\s*provider\s*=\s*"([^"]*)"/m.exec(content)?.[1] ?? null;
}

/** `%Y%m%d%H%M%S` in UTC, as the engine names migration directories. */
export function utcTimestamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}

/**
 * Statements in a generated migration that can lose data or fail on a non-empty table — what
 * `migrate dev` would list in its Warnings comment. For the CLI to print; heuristic.
 */
export function destructiveChanges(sql: string): string[] {
  const statements = sql
    .split(/;\s*(?:\n|$)/)
    .map((s) =>
      s
        .replace(/^\s*--.*$/gm, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  const created = new Set(statements.map((s) => /^CREATE TABLE ("[^"]+"(?:\."[^"]+")?)/i.exec(s)?.[1]).filter(Boolean));
  const onNewTable = (s: string) => {
    const table = /^(?:ALTER TABLE|CREATE UNIQUE INDEX "[^"]+" ON) ("[^"]+"(?:\."[^"]+")?)/i.exec(s)?.[1];
    return table !== undefined && created.has(table);
  };
  return statements.filter(
    (s) =>
      /^DROP (TABLE|TYPE|SCHEMA|VIEW)\b/i.test(s) ||
      /^ALTER TABLE .* DROP COLUMN\b/i.test(s) ||
      /\bALTER COLUMN .* (SET DATA )?TYPE\b/i.test(s) ||
      /\bALTER COLUMN .* SET NOT NULL\b/i.test(s) ||
      (/\bADD COLUMN .* NOT NULL\b/i.test(s) && !/\bDEFAULT\b/i.test(s) && !onNewTable(s)) ||
      (/^CREATE UNIQUE INDEX\b/i.test(s) && !onNewTable(s)),
  );
}

/** The SQL from the migrations folder to the schema (`prisma migrate diff --from-migrations … --to-schema … --script`). */
export async function diffMigrationsToSchema(databaseUrl: string, opts: MigrateOptions = {}): Promise<string> {
  const { migrationsDir, schemaPath } = resolvePaths(opts);
  const schemaContent = await fsp.readFile(schemaPath, 'utf8');
  const migrationsList = await readMigrationsList(migrationsDir);
  migrationsList.lockfile.content ??= lockfileContent();
  const out = await withEngine(databaseUrl, schemaPath, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schemaContent }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    }),
  );
  return out.stdout ?? '';
}

/** Reads the migrations folder the way the Prisma CLI does (listMigrations in packages/migrate). */
export async function readMigrationsList(migrationsDir: string, shadowDbInitScript = ''): Promise<MigrationList> {
  const lockContent = await fsp
    .readFile(path.join(migrationsDir, LOCKFILE_NAME), { encoding: 'utf-8' })
    .catch(() => null);
  const lockfile = { path: LOCKFILE_NAME, content: lockContent };
  const entries = await fsp.readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationList['migrationDirectories'] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const filePath = 'migration.sql';
    const content = await fsp
      .readFile(path.join(migrationsDir, entry.name, filePath), { encoding: 'utf-8' })
      .then((value) => ({ tag: 'ok' as const, value }))
      .catch((err: Error) => ({ tag: 'error' as const, value: err.message }));
    migrationDirectories.push({ path: entry.name, migrationFile: { path: filePath, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: migrationsDir, lockfile, migrationDirectories, shadowDbInitScript };
}

// ---------------------------------------------------------------------------------------
// The WebAssembly engine

type WasmRuntime = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let runtime: Promise<WasmRuntime> | null = null;
let lastPanic = '';

/** Instantiates the engine module once per process (the ESM entry imports a .wasm, which Node 20 cannot). */
function loadRuntime(): Promise<WasmRuntime> {
  runtime ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        lastPanic = message;
        // A panic inside an async engine task surfaces as an uncaught `RuntimeError: unreachable`
        // with no reason attached: print the reason now.
        console.error(`[db] schema engine panic: ${message}`);
      },
    };
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    // The engine arms 10 s timers (query timeouts) that would keep a finished process alive
    // for 10 s: its setTimeout import is given unref'd timers.
    const imports: Record<string, unknown> = { ...bg };
    for (const key of Object.keys(imports).filter((k) => k.startsWith('__wbg_setTimeout_'))) {
      imports[key] = (fn: () => void, ms: number) => {
        const timer = setTimeout(fn, ms >>> 0);
        timer.unref();
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(await fsp.readFile(wasmPath), {
      './schema_engine_bg.js': imports as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return runtime;
}

async function withEngine<T>(
  databaseUrl: string,
  schemaPath: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bg = await loadRuntime();
  const factory = new MigrationAdapterFactory(parseDatabaseUrl(databaseUrl));
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodels: [string, string][] | undefined = fs.existsSync(schemaPath)
    ? [[schemaPath, fs.readFileSync(schemaPath, 'utf8')]]
    : undefined;
  const debug =
    process.env.DEBUG_SCHEMA_ENGINE === '1'
      ? (line: string) => console.error(`[db] [schema-engine] ${line}`)
      : () => {};

  let engine: SchemaEngine | undefined;
  try {
    engine = await bg.SchemaEngine.new({ datamodels }, debug, bound);
    return await fn(engine);
  } catch (err) {
    throw engineError(err, bound.errorRegistry, factory.lastScriptError);
  } finally {
    try {
      engine?.free();
    } catch {
      // a panicked engine cannot be freed; the process is about to report the panic anyway
    }
    await factory.close();
  }
}

/** Turns what the engine rejects with into an Error with a useful message (and `code` when known). */
function engineError(
  err: unknown,
  registry: { consumeError(id: number): { error: unknown } | undefined },
  scriptError: unknown,
): Error {
  if (err instanceof WebAssembly.RuntimeError || (err instanceof Error && err.name === 'RuntimeError')) {
    return new Error(`[db] the schema engine panicked: ${lastPanic || err.message}`);
  }
  const e = err as { code?: string; message?: string; name?: string; meta?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  // Errors thrown by our JS adapter are kept in the registry and referenced by id.
  const idMatch = /"id":\s*(\d+)/.exec(message);
  if (idMatch) {
    const original = registry.consumeError(Number(idMatch[1]))?.error;
    if (original instanceof Error) return original;
  }
  if (typeof e?.code === 'string') {
    const out = new Error(`${e.code}: ${message}`) as Error & { code: string; meta?: unknown };
    out.code = e.code;
    out.meta = e.meta;
    return out;
  }
  // SchemaConnectorError: keep the message, drop the Rust span trace, add PostgreSQL's own words.
  const lines = message.split('\n');
  const trace = lines.findIndex((l) => /^\s+\d+: /.test(l));
  const migration = /migration_name="([^"]+)"/.exec(message)?.[1];
  let text = (trace >= 0 ? lines.slice(0, trace) : lines).join('\n').trim();
  if (migration) text = `Migration ${migration} failed to apply: ${text}`;
  const pgErr = scriptError as {
    code?: string;
    message?: string;
    detail?: string;
    hint?: string;
    where?: string;
    position?: string;
  } | null;
  if (pgErr?.message) {
    text += `\nDatabase error ${pgErr.code ?? ''}: ${pgErr.message}`;
    if (pgErr.detail) text += `\nDETAIL: ${pgErr.detail}`;
    if (pgErr.hint) text += `\nHINT: ${pgErr.hint}`;
    if (pgErr.where) text += `\nWHERE: ${pgErr.where}`;
  }
  const out = new Error(text) as Error & { code?: string };
  if (pgErr?.code) out.code = pgErr.code;
  return out;
}

// ---------------------------------------------------------------------------------------
// The driver adapter factory given to the engine

interface PgFields {
  host: string;
  port: number;
  /** Absent: pg's defaults (PGUSER / the OS user, PGPASSWORD / ~/.pgpass). */
  user?: string;
  password?: string;
  database: string;
  ssl?: pg.ConnectionConfig['ssl'];
  /** Prisma's `?schema=` URL parameter. */
  schema?: string;
}

/** URL → explicit fields (a connectionString in the config would override `database`). */
export function parseDatabaseUrl(url: string): PgFields {
  const u = parsePostgresUrl(url);
  if (u.protocol !== 'postgresql:' && u.protocol !== 'postgres:')
    throw new Error(`[db] not a PostgreSQL URL: ${u.protocol}//…`);
  const sslmode = u.searchParams.get('sslmode');
  const ssl =
    sslmode === 'require' || sslmode === 'verify-ca' || sslmode === 'no-verify'
      ? { rejectUnauthorized: false }
      : sslmode === 'verify-full'
        ? true
        : undefined;
  return {
    host: u.searchParams.get('host') ?? (decodeURIComponent(u.hostname.replace(/^\[|\]$/g, '')) || 'localhost'),
    port: u.port ? Number(u.port) : 5432,
    ...(u.username ? { user: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres',
    ...(ssl === undefined ? {} : { ssl }),
    ...(u.searchParams.get('schema') ? { schema: u.searchParams.get('schema') ?? undefined } : {}),
  };
}

/**
 * adapter-pg rejects some catalog-only column types the engine's introspection reads. Their
 * values arrive from pg as strings; the columns are reported as text, except `"char"`, which
 * the engine reads with get_char() (pg_constraint.contype, …) and which is therefore reported
 * as the adapter type Character (see withCharColumns).
 */
const PRESENT_AS = new Map<number, number>([
  [18, 25], // "char" → text, then Character
  [22, 25], // int2vector
  [30, 25], // oidvector
  [24, 25], // regproc
  [194, 25], // pg_node_tree
  [2205, 25], // regclass
  [2206, 25], // regtype
  [3769, 25], // regdictionary
  [4089, 25], // regnamespace
]);
const CHAR_OID = 18;
/** Result rows → indexes of their `"char"` columns (the adapter returns pg's rows array as is). */
const charColumns = new WeakMap<object, number[]>();

function presentCatalogTypes<R>(result: R): R {
  for (const r of Array.isArray(result) ? result : [result]) {
    const res = r as { fields?: { dataTypeID: number }[]; rows?: unknown[] } | null;
    const chars: number[] = [];
    res?.fields?.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) chars.push(i);
      const to = PRESENT_AS.get(field.dataTypeID);
      if (to !== undefined) field.dataTypeID = to;
    });
    if (chars.length && res?.rows) charColumns.set(res.rows, chars);
  }
  return result;
}

type Queryable = { queryRaw(query: SqlQuery): Promise<SqlResultSet> };

function withCharColumns<Q extends Queryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query: SqlQuery) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

type AnyFn = (...args: unknown[]) => unknown;

class CatalogTypesClient extends pg.Client {
  // pg.Client.query has a dozen overloads; this override passes any of them through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const base = pg.Client.prototype.query as unknown as AnyFn;
    const last = args.length - 1;
    const cb = args[last];
    if (typeof cb === 'function') {
      args[last] = (err: unknown, res: unknown) => (cb as AnyFn)(err, err ? res : presentCatalogTypes(res));
      return base.apply(this, args);
    }
    const ret = base.apply(this, args);
    return ret && typeof (ret as Promise<unknown>).then === 'function'
      ? (ret as Promise<unknown>).then(presentCatalogTypes)
      : ret;
  }
}

class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  private readonly pools: pg.Pool[] = [];
  private readonly shadowDatabases = new Set<string>();
  /** The PostgreSQL error of the last failed script (the engine only sees a summary of it). */
  lastScriptError: unknown = null;

  constructor(private readonly fields: PgFields) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.adapterFor(this.newPool(this.fields.database), async () => {});
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await this.admin(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    this.shadowDatabases.add(database);
    const pool = this.newPool(database);
    return this.adapterFor(pool, async () => {
      await endPool(pool);
      await this.dropShadow(database);
    });
  }

  /** Ends every pool and drops every shadow database still there. */
  async close(): Promise<void> {
    await Promise.allSettled(this.pools.map(endPool));
    for (const database of [...this.shadowDatabases]) await this.dropShadow(database).catch(() => {});
  }

  private async dropShadow(database: string): Promise<void> {
    if (!this.shadowDatabases.has(database)) return;
    await this.admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    this.shadowDatabases.delete(database);
  }

  private newPool(database: string): pg.Pool {
    const { schema: _schema, ...conn } = this.fields;
    const pool = new pg.Pool({
      ...conn,
      database,
      max: 1,
      connectionTimeoutMillis: 60_000,
      Client: CatalogTypesClient as unknown as typeof pg.Client,
    });
    pool.on('error', () => {}); // an idle client dropped by the server; the next query reconnects
    this.pools.push(pool);
    return pool;
  }

  private async adapterFor(pool: pg.Pool, onDispose: () => Promise<void>): Promise<SqlDriverAdapter> {
    const options = this.fields.schema ? { schema: this.fields.schema } : undefined;
    const adapter = withCharColumns(await new PrismaPg(pool, options).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
    const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
    // Whole script in one simple-protocol query, as the native engine does.
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (err) {
        this.lastScriptError = err;
        onError(err);
      }
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await onDispose();
    };
    return adapter;
  }

  /** Runs one statement on the main database with a short-lived connection. */
  private async admin(sql: string): Promise<void> {
    const { schema: _schema, ...conn } = this.fields;
    const client = new pg.Client(conn);
    client.on('error', () => {});
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end().catch(() => {});
    }
  }
}

async function endPool(pool: pg.Pool): Promise<void> {
  if ((pool as unknown as { ended?: boolean }).ended) return;
  await pool.end().catch(() => {});
}
