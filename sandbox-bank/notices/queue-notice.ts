// Writes the outcome's notice in the transaction that decides the outcome (outbox), shaped
// by a notice fault: DELAY_NOTICE makes it due later, LOSE_NOTICE records it as SUPPRESSED
// (never sent), DUPLICATE_NOTICE asks for two deliveries of the same notice.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { BankClient } from '../db/pool';
import { DEFAULT_NOTICE_DELAY_SECONDS, type Fault, isNoticeFault } from '../faults/fault-modes';
import type { RequestRow } from '../requests/request-row';
import { buildNoticeBody } from './notice-body';

export async function queueNotice(client: BankClient, request: RequestRow, fault: Fault | null): Promise<string> {
  const id = randomUUID();
  const body = JSON.stringify(buildNoticeBody(id, request));
  const noticeFault = isNoticeFault(fault) ? fault : null;
  const suppressed = noticeFault?.mode === 'LOSE_NOTICE';
  const delaySeconds =
    noticeFault?.mode === 'DELAY_NOTICE' ? (noticeFault.delaySeconds ?? DEFAULT_NOTICE_DELAY_SECONDS) : 0;
  await client.query(
    `INSERT INTO sandbox_bank.notices (id, request_id, notify_url, body, state, copies, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 = 'PENDING' THEN now() + make_interval(secs => $7) END)`,
    [
      id,
      request.id,
      request.notify_url,
      body,
      suppressed ? 'SUPPRESSED' : 'PENDING',
      noticeFault?.mode === 'DUPLICATE_NOTICE' ? 2 : 1,
      delaySeconds,
    ],
  );
  return id;
}
