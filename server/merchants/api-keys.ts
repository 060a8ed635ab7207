// Merchant API keys: `sk_<prefix>_<secret>`, shown once at creation and stored as SHA-256
// only. The prefix (shown in lists) finds the row; the hash is compared in constant time.
// A key is long and random, so a fast hash is enough (no password stretching needed).
import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, DbClient } from '../db';
import type { Merchant } from '../generated/prisma/client';

const KEY_FORMAT = /^sk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export type CreatedApiKey = { id: string; prefix: string; label: string; createdAt: Date; secretKey: string };

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (const byte of bytes) {
    if (byte >= 248) continue; // 248 = 62 × 4: keeps the choice uniform
    out += alphabet[byte % 62];
    if (out.length === length) return out;
  }
  return out + randomAlphanumeric(length - out.length);
}

/** Creates a key; the secret is in the answer and nowhere else. */
export async function createApiKey(db: DbClient, merchantId: string, label: string): Promise<CreatedApiKey> {
  const prefix = `sk_${randomAlphanumeric(12)}`;
  const secretKey = `${prefix}_${randomBytes(32).toString('base64url')}`;
  const row = await db.merchantApiKey.create({
    data: { merchantId, prefix, secretHash: sha256(secretKey), label },
  });
  return { id: row.id, prefix: row.prefix, label: row.label, createdAt: row.createdAt, secretKey };
}

/** The merchant whose live key this is (approved merchants only), or null. */
export async function authenticateApiKey(db: Db, secretKey: string | null | undefined): Promise<Merchant | null> {
  const match = secretKey ? KEY_FORMAT.exec(secretKey) : null;
  if (!match) return null;
  // Every merchant API call starts here: the key and its merchant in one statement.
  const [row] = await db.$queryRaw<KeyWithMerchant[]>`
    SELECT k.id AS "keyId", k.secret_hash AS "secretHash", k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt",
           m.id, m.user_id AS "userId", m.shop_name AS "shopName", m.status::text AS status,
           m.fee_rate_bps AS "feeRateBps", m.settlement_bank_account_id AS "settlementBankAccountId",
           m.webhook_url AS "webhookUrl", m.webhook_secret AS "webhookSecret",
           m.previous_webhook_secret AS "previousWebhookSecret",
           m.previous_webhook_secret_expires_at AS "previousWebhookSecretExpiresAt",
           m.created_at AS "createdAt", m.decided_at AS "decidedAt"
      FROM merchant_api_keys k JOIN merchants m ON m.id = k.merchant_id
     WHERE k.prefix = ${`sk_${match[1]}`}`;
  if (!row || row.revokedAt || row.status !== 'APPROVED') return null;
  const { keyId, secretHash, lastUsedAt, revokedAt: _revoked, ...merchant } = row;
  const expected = Buffer.from(secretHash, 'hex');
  const actual = Buffer.from(sha256(secretKey!), 'hex');
  if (!timingSafeEqual(expected, actual)) return null;
  // Throttled to once a minute per key: a busy merchant should not write a row per request.
  if (!lastUsedAt || Date.now() - lastUsedAt.getTime() > 60_000) {
    await db.merchantApiKey.update({ where: { id: keyId }, data: { lastUsedAt: new Date() } });
  }
  return merchant;
}

type KeyWithMerchant = Merchant & {
  keyId: string;
  secretHash: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listApiKeys(db: Db, merchantId: string) {
  return db.merchantApiKey.findMany({
    where: { merchantId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, prefix: true, label: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes the merchant's own key; another merchant's key id changes nothing (false). */
export async function revokeApiKey(db: Db, merchantId: string, keyId: string): Promise<boolean> {
  const { count } = await db.merchantApiKey.updateMany({
    where: { id: keyId, merchantId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/** A new webhook signing secret (`whsec_…`). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
