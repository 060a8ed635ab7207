// Freeze / unfreeze a user (issue 6): a frozen user can sign in and see the balance, but
// beginOperation refuses every money operation of theirs (AccountFrozenError). The user row
// is locked as beginOperation locks it, so an operation already past that check finishes
// first and none starts after the freeze commits. The audit record commits with the change.
import 'server-only';
import type { Db } from '../../db';
import { inTransaction } from '../../core/in-transaction';
import { NotFoundError } from '../../core/domain-errors';
import { CannotFreezeAdminError, UserAlreadyFrozenError, UserNotFrozenError } from '../admin-errors';
import { isUuid, parseNote } from '../admin-input';
import { recordAuditEvent } from '../audit/record-audit-event';
import { requireAdminOrThrow } from '../require-admin-or-throw';

export type SetUserFrozenInput = { actorId: string; userId: string; frozen: boolean; note: string };
export type SetUserFrozenResult = { userId: string; frozenAt: Date | null; auditEventId: string };

export async function setUserFrozen(db: Db, input: SetUserFrozenInput): Promise<SetUserFrozenResult> {
  const note = parseNote(input.note);
  return inTransaction(db, async (tx) => {
    await requireAdminOrThrow(tx, input.actorId);
    if (!isUuid(input.userId)) throw new NotFoundError('User');
    const [user] = await tx.$queryRaw<{ id: string; role: string; frozen_at: Date | null }[]>`
      SELECT id::text, role::text, frozen_at FROM users WHERE id = ${input.userId}::uuid FOR UPDATE`;
    if (!user) throw new NotFoundError('User');
    if (input.frozen) {
      if (user.role === 'ADMIN') throw new CannotFreezeAdminError();
      if (user.frozen_at) throw new UserAlreadyFrozenError();
    } else if (!user.frozen_at) {
      throw new UserNotFrozenError();
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { frozenAt: input.frozen ? new Date() : null },
      select: { frozenAt: true },
    });
    const audit = await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: input.frozen ? 'user.freeze' : 'user.unfreeze',
      targetType: 'user',
      targetId: user.id,
      before: { frozenAt: user.frozen_at },
      after: { frozenAt: updated.frozenAt },
      note,
    });
    return { userId: user.id, frozenAt: updated.frozenAt, auditEventId: audit.id };
  });
}
