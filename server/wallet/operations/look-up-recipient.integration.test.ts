// The transfer form's recipient look-up is limited per sender, so it cannot be used to list
// who has an account; the transfer itself is not counted.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../scripts/test/integration-db';
import { httpStatusForError } from '../../http/error-status';
import { RATE_LIMITS } from '../../rate-limit/rate-limits';
import { createTestUser } from '../testing/wallet-fixtures';
import { lookUpRecipient } from './find-recipient';

const db = testDb();
afterAll(() => db.$disconnect());

describe('lookUpRecipient', () => {
  it('answers a few dozen look-ups in ten minutes, then RATE_LIMITED (429) with the wait; another sender is not affected', async () => {
    const sender = await createTestUser(db, '查询者');
    const recipient = await createTestUser(db, '李四');
    expect(await lookUpRecipient(db, sender.id, recipient.email)).toMatchObject({
      userId: recipient.id,
      maskedName: '*四',
    });
    for (let i = 1; i < RATE_LIMITS.recipientLookupsPerUser.points; i++) {
      await expect(lookUpRecipient(db, sender.id, `nobody-${randomUUID()}@example.com`)).rejects.toMatchObject({
        code: 'RECIPIENT_NOT_FOUND',
      });
    }
    const refused = await lookUpRecipient(db, sender.id, recipient.email).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(httpStatusForError(refused)).toBe(429);
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);

    const other = await createTestUser(db, '另一位');
    expect(await lookUpRecipient(db, other.id, recipient.email)).toMatchObject({ userId: recipient.id });
  });
});
