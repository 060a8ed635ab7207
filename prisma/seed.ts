// Demo data for local use: two customers, a merchant and an admin. Seeded once (the first
// start on an empty database); their passwords are random per machine, kept in .data/ and
// printed at every start, never shown on a page. The admin has two-step verification on
// from the start (every admin must): its authenticator key is kept and printed the same way.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inTransaction } from '../server/core/in-transaction';
import type { Db } from '../server/db';
import type { Role } from '../server/generated/prisma/enums';
import { DEFAULT_CURRENCY, merchantBalanceCode, userWalletCode } from '../ledger';
import { newWebhookSecret } from '../server/merchants/api-keys';
import { hashPassword } from '../server/auth/password';
import { newTotpSecret } from '../server/auth/two-factor/totp';
import { sealTotpSecret } from '../server/auth/two-factor/two-factor';
import { ensureAccount, ensurePlatformAccounts } from '../server/stored-ledger';
import { SANDBOX_ACCOUNTS, SANDBOX_BANK_NAME } from '../sandbox-bank/seed-accounts';

export type DemoAccount = { email: string; displayName: string; role: Role; password: string; totpSecret?: string };

// The demo customers' accounts at the sandbox bank, linked in their wallets from the start.
const LINKED_BANK_ACCOUNTS: Record<string, { accountNumber: string; holderName: string }> = {
  'zhangsan@example.com': SANDBOX_ACCOUNTS.zhangsan,
  'lisi@example.com': SANDBOX_ACCOUNTS.lisi,
  'merchant@example.com': SANDBOX_ACCOUNTS.demoStore,
};

/** The demo merchant's profile: approved from the start, settling to its sandbox account. */
export const DEMO_MERCHANT = { email: 'merchant@example.com', shopName: '示例商店' } as const;

const DEMO_USERS: Omit<DemoAccount, 'password'>[] = [
  { email: 'zhangsan@example.com', displayName: '张三', role: 'CUSTOMER' },
  { email: 'lisi@example.com', displayName: '李四', role: 'CUSTOMER' },
  { email: 'merchant@example.com', displayName: '示例商店', role: 'MERCHANT' },
  { email: 'admin@example.com', displayName: '平台管理员', role: 'ADMIN' },
];

function newPassword(): string {
  return `demo-${randomBytes(9).toString('base64url')}`;
}

function loadCredentials(file: string): DemoAccount[] | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[];
}

/**
 * Creates the demo users if the database has none of them yet. Returns the demo accounts
 * with their passwords (from `credentialsFile` when they were seeded before).
 */
export async function seedDemoData(
  db: Db,
  credentialsFile: string,
): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  const existing = await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
  const saved = loadCredentials(credentialsFile);
  if (existing > 0) return { seeded: false, accounts: saved ?? [] };

  const accounts: DemoAccount[] = DEMO_USERS.map((u) => ({
    ...u,
    password: newPassword(),
    ...(u.role === 'ADMIN' && { totpSecret: newTotpSecret() }),
  }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await inTransaction(db, async (tx) => {
    const ownerIds: string[] = [];
    await ensurePlatformAccounts(tx, DEFAULT_CURRENCY);
    for (const [i, a] of accounts.entries()) {
      const user = await tx.user.create({
        // Demo users have proven addresses, as every account made through sign-up has.
        data: {
          email: a.email,
          displayName: a.displayName,
          role: a.role,
          passwordHash: hashes[i]!,
          emailVerifiedAt: new Date(),
        },
      });
      await ensureAccount(tx, userWalletCode(user.id), DEFAULT_CURRENCY);
      ownerIds.push(user.id);
      if (a.totpSecret) {
        await tx.userTotp.create({
          data: { userId: user.id, secretCiphertext: sealTotpSecret(a.totpSecret), enabledAt: new Date() },
        });
      }
      const bank = LINKED_BANK_ACCOUNTS[a.email];
      const linked = bank
        ? await tx.bankAccount.create({
            // The wallet keeps the card and the name; the ID number and phone stay at the bank.
            data: {
              userId: user.id,
              accountNumber: bank.accountNumber,
              holderName: bank.holderName,
              bankName: SANDBOX_BANK_NAME,
              isDefault: true,
            },
          })
        : null;
      if (a.email === DEMO_MERCHANT.email) {
        const merchant = await tx.merchant.create({
          data: {
            userId: user.id,
            shopName: DEMO_MERCHANT.shopName,
            status: 'APPROVED',
            decidedAt: new Date(),
            settlementBankAccountId: linked?.id ?? null,
            webhookSecret: newWebhookSecret(),
          },
        });
        await ensureAccount(tx, merchantBalanceCode(merchant.id), DEFAULT_CURRENCY);
        ownerIds.push(merchant.id);
      }
    }
    // The demo balances count as opened two days back, so a fresh demo (and each e2e run) has
    // an ended day, yesterday, whose proof of liabilities includes them (at ¥0.00).
    await tx.$executeRaw`
      UPDATE ledger_accounts SET created_at = created_at - interval '2 days' WHERE owner_id = ANY(${ownerIds}::text[])`;
  });
  mkdirSync(dirname(credentialsFile), { recursive: true });
  writeFileSync(credentialsFile, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return { seeded: true, accounts };
}

export function printDemoAccounts(accounts: DemoAccount[], log: (line: string) => void = console.log): void {
  if (accounts.length === 0) return;
  log('Demo accounts (local demo data only):');
  for (const a of accounts) {
    log(
      `  ${a.role.padEnd(8)} ${a.email.padEnd(24)} ${a.password}${a.totpSecret ? `  authenticator key ${a.totpSecret}` : ''}`,
    );
  }
}
