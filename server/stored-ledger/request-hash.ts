// The fingerprint of a request stored with its idempotency key: the same key with the same
// request replays the first result, with a different request it is refused. Canonical:
// postings sorted, metadata keys sorted, amounts as decimal strings.
import { createHash } from 'node:crypto';
import type { JournalEntry } from '@/ledger';

export function requestHash(type: 'transfer' | 'hold', entry: JournalEntry, expiresInSeconds?: number): string {
  const postings = entry.postings
    .map((p) => [
      p.currency,
      p.accountCode !== undefined ? `code:${p.accountCode}` : `id:${p.accountId}`,
      p.amount.toString(),
    ])
    .sort((a, b) => (a.join('|') < b.join('|') ? -1 : a.join('|') > b.join('|') ? 1 : 0));
  const metadata = Object.keys(entry.metadata)
    .sort()
    .map((key) => [key, entry.metadata[key] ?? '']);
  const canonical = JSON.stringify({
    type,
    kind: entry.kind,
    postings,
    metadata,
    expiresInSeconds: type === 'hold' ? (expiresInSeconds ?? null) : null,
  });
  return createHash('sha256').update(canonical).digest('hex');
}
