// Admins are made by the operators, not through a page: a spec that needs a new admin does
// what an operator would, in the database of this e2e run (scripts/e2e-server.ts).
import { readFileSync } from 'node:fs';
import pg from 'pg';

export async function promoteToAdmin(email: string): Promise<void> {
  const { url } = JSON.parse(readFileSync('e2e/.generated/database.json', 'utf8')) as { url: string };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`UPDATE users SET role = 'ADMIN' WHERE email = $1`, [email]);
    if (result.rowCount !== 1) throw new Error(`no user ${email} to make an admin`);
  } finally {
    await client.end();
  }
}
