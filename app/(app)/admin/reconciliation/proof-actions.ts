'use server';

// The admin's "build the proof now": reconciles the day first when it has no completed run
// (the proof states the reconciled reserve), then builds it as the daily job would.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionResult } from '@/app/actions/action-result';
import { requireRole } from '@/server/auth/current-user';
import { bankGateway } from '@/server/bank/bank-gateway-instance';
import { InvalidInputError } from '@/server/core/domain-errors';
import { db } from '@/server/db';
import { reconcileThenBuildProof } from '@/server/liability-proof/reconcile-then-build';

const buildSchema = z.object({ date: z.iso.date() });

export type BuildProofResult = { date: string; created: boolean; leafCount: number; totalLiabilities: string };

export async function buildProofAction(form: FormData): Promise<ActionResult<BuildProofResult>> {
  const admin = await requireRole('ADMIN');
  return runAction(async () => {
    const parsed = buildSchema.safeParse({ date: form.get('date') });
    if (!parsed.success) throw new InvalidInputError('date', 'date must be YYYY-MM-DD');
    const built = await reconcileThenBuildProof(
      { db: db(), bank: bankGateway() },
      { date: parsed.data.date, trigger: 'MANUAL', actorId: admin.id },
    );
    revalidatePath('/admin/reconciliation');
    revalidatePath('/admin');
    revalidatePath('/proof');
    return {
      date: built.date,
      created: built.created,
      leafCount: built.leafCount,
      totalLiabilities: built.totalLiabilities.toString(),
    };
  });
}
