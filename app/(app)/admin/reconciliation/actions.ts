'use server';

// Thin server actions of the reconciliation pages: the admin role, parsed input, one use case.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/app/actions/action-result';
import { requireRole } from '@/server/auth/current-user';
import { bankGateway } from '@/server/bank/bank-gateway-instance';
import { db } from '@/server/db';
import { WRITE_OFF_NOTE_MAX } from '@/lib/reconciliation/break-actions';
import { resolveBreak } from '@/server/reconciliation/resolve-break';
import { runReconciliation } from '@/server/reconciliation/run-reconciliation';
import { InvalidInputError } from '@/server/core/domain-errors';
import { appDeps } from '@/server/core/deps-instance';

// A real day (2026-13-45 has the shape but is none): what the date field sends is typed, not picked.
const runSchema = z.object({ date: z.iso.date() });
const resolveSchema = z.object({
  breakId: z.uuid(),
  action: z.enum(['BOOK_FROM_BANK', 'WRITE_OFF']),
  note: z.string().max(WRITE_OFF_NOTE_MAX).optional(),
});

export async function runReconciliationAction(form: FormData): Promise<ActionResult<{ runId: string }>> {
  const admin = await requireRole('ADMIN');
  return runAction(async () => {
    const parsed = runSchema.safeParse({ date: form.get('date') });
    if (!parsed.success) throw new InvalidInputError('date', 'date must be YYYY-MM-DD');
    const summary = await runReconciliation(
      { db: db(), bank: bankGateway() },
      { date: parsed.data.date, trigger: 'MANUAL', actorId: admin.id },
    );
    revalidatePath('/admin/reconciliation');
    revalidatePath('/admin');
    return { runId: summary.runId };
  });
}

export async function resolveBreakAction(form: FormData): Promise<ActionResult<{ alreadyResolved: boolean }>> {
  const admin = await requireRole('ADMIN');
  return runAction(async () => {
    const note = form.get('note');
    const parsed = resolveSchema.safeParse({
      breakId: form.get('breakId'),
      action: form.get('action'),
      ...(typeof note === 'string' ? { note } : {}),
    });
    if (!parsed.success)
      throw new InvalidInputError(String(parsed.error.issues[0]?.path[0] ?? 'breakId'), 'invalid resolution');
    const result = await resolveBreak(await appDeps(), { ...parsed.data, actorId: admin.id });
    revalidatePath('/admin/reconciliation', 'layout');
    revalidatePath('/admin');
    return { alreadyResolved: result.alreadyResolved };
  });
}
