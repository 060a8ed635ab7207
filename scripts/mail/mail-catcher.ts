// A local SMTP server that keeps every message it receives in the database (schema
// dev_mailbox), so the app's /dev/mailbox page, the e2e specs and the integration tests can
// read what the wallet sent. Started by `npm run dev`, the e2e server and the integration
// tests' global setup; never part of a production deployment.
import { simpleParser, type AddressObject } from 'mailparser';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

export type MailCatcher = { port: number; smtpUrl: string; stop(): Promise<void> };

const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Listens on a port the system picks (so parallel runs never collide) on 127.0.0.1 only. */
export async function startMailCatcher(databaseUrl: string): Promise<MailCatcher> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => {});
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS dev_mailbox;
    CREATE TABLE IF NOT EXISTS dev_mailbox.messages (
      id bigserial PRIMARY KEY,
      received_at timestamptz NOT NULL DEFAULT now(),
      from_address text NOT NULL,
      to_address text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text NOT NULL
    );
    CREATE INDEX IF NOT EXISTS messages_to_address_idx ON dev_mailbox.messages (lower(to_address), id DESC);`);

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = addressesOf(mail.to);
          for (const address of to.length ? to : ['']) {
            await pool.query(
              `INSERT INTO dev_mailbox.messages (from_address, to_address, subject, text_body, html_body) VALUES ($1, $2, $3, $4, $5)`,
              [
                addressesOf(mail.from).join(', '),
                address,
                mail.subject ?? '',
                mail.text ?? '',
                typeof mail.html === 'string' ? mail.html : '',
              ],
            );
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
  server.on('error', (error) => console.error('[mail] catcher error', error));
  return {
    port,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
}
