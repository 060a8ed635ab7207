// Fixtures for the admin console's integration tests: users of each role, a funded wallet,
// a pending merchant application, and wallet deps whose bank and job queue fail the test if
// anything reaches them (a refused operation must not get that far).
import { randomUUID } from 'node:crypto';
import { buildJournalEntry, DEFAULT_CURRENCY, topUpPostings } from '@/ledger';
import { newTotpSecret } from '../../auth/two-factor/totp';
import type { BankGateway } from '../../bank/bank-gateway';
import { sealTotpSecret } from '../../auth/two-factor/two-factor';
import type { Db } from '../../db';
import type { Role } from '../../generated/prisma/enums';
import type { JobQueue } from '../../jobs/job-queue';
import { postTransfer } from '../../stored-ledger';
import { newWebhookSecret } from '../../merchants/api-keys';
import type { AppDeps } from '../../core/deps';
import { createTestUser } from '../../wallet/testing/wallet-fixtures';

/** A user of the role; an admin has two-step verification on, as every admin must. */
export async function createUserWithRole(
  db: Db,
  role: Role,
  name = `${role.toLowerCase()} 用户`,
): Promise<{ id: string; email: string }> {
  const user = await createTestUser(db, name);
  if (role !== 'CUSTOMER') await db.user.update({ where: { id: user.id }, data: { role } });
  if (role === 'ADMIN') await enableTestTwoFactor(db, user.id);
  return user;
}

/** Turns two-step verification on for a test user (a random secret nobody holds). */
export async function enableTestTwoFactor(db: Db, userId: string): Promise<void> {
  await db.userTotp.create({
    data: { userId, secretCiphertext: sealTotpSecret(newTotpSecret()), enabledAt: new Date() },
  });
}

export async function fundWallet(db: Db, userId: string, amount: bigint): Promise<void> {
  await postTransfer(
    db,
    buildJournalEntry({ kind: 'TOP_UP', postings: topUpPostings({ userId, amount, currency: DEFAULT_CURRENCY }) }),
  );
}

export async function createMerchantApplication(db: Db, userId: string, shopName = '测试小店'): Promise<string> {
  const merchant = await db.merchant.create({ data: { userId, shopName, webhookSecret: newWebhookSecret() } });
  return merchant.id;
}

export async function linkTestBankAccount(db: Db, userId: string): Promise<string> {
  const account = await db.bankAccount.create({
    data: {
      userId,
      accountNumber: `62220000${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
      holderName: '测试',
      bankName: '沙箱银行',
    },
  });
  return account.id;
}

function unreachable<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: (_target, property) => () => {
      throw new Error(`${what}.${String(property)} must not be called`);
    },
  });
}

/** Wallet deps on `db` whose bank and job queue throw when used. */
export function walletDepsWithoutBank(db: Db): AppDeps {
  return {
    db,
    bank: unreachable<BankGateway>('bank'),
    jobs: unreachable<JobQueue>('jobs'),
    appUrl: 'http://127.0.0.1:9',
  };
}

export const newKey = () => randomUUID();
