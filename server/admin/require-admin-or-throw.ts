// Authorisation where admin data is read or written (docs/house-rules.md rule 7): every admin use case
// starts here with the caller's id, whatever page or action called it, and reads the role
// from the database (not from a session claim that may be stale). An admin without
// two-step verification is refused too.
import 'server-only';
import type { DbClient } from '../db';
import { AdminOnlyError, AdminTwoFactorRequiredError } from './admin-errors';

export async function requireAdminOrThrow(db: DbClient, actorId: string): Promise<{ id: string; email: string }> {
  const actor = await db.user.findUnique({
    where: { id: actorId },
    select: { id: true, email: true, role: true, totp: { select: { enabledAt: true } } },
  });
  if (!actor || actor.role !== 'ADMIN') throw new AdminOnlyError();
  if (!actor.totp?.enabledAt) throw new AdminTwoFactorRequiredError();
  return { id: actor.id, email: actor.email };
}
