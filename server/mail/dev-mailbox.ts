// Reads the local mail catcher's messages (scripts/mail/mail-catcher.ts) for /dev/mailbox.
// Only development and e2e turn it on (DEV_MAILBOX_ENABLED=1); a production build never
// serves it unless told to.
import 'server-only';
import type { Db } from '../db';
import { env } from '../env';

export type CaughtMail = { id: string; receivedAt: Date; from: string; to: string; subject: string; text: string };

export function devMailboxEnabled(): boolean {
  return env().DEV_MAILBOX_ENABLED === '1';
}

export async function listCaughtMail(db: Db, to: string | undefined, limit = 50): Promise<CaughtMail[]> {
  const exists = await db.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('dev_mailbox.messages') IS NOT NULL AS ok`;
  if (!exists[0]?.ok) return [];
  const address = to?.trim().toLowerCase() || null;
  const rows = await db.$queryRaw<
    { id: bigint; received_at: Date; from_address: string; to_address: string; subject: string; text_body: string }[]
  >`
    SELECT id, received_at, from_address, to_address, subject, text_body FROM dev_mailbox.messages
    WHERE ${address}::text IS NULL OR lower(to_address) = ${address}
    ORDER BY id DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id.toString(),
    receivedAt: r.received_at,
    from: r.from_address,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
  }));
}
