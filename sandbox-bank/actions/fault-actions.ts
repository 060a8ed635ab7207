'use server';
import 'server-only';

// The faults page's server actions: the operator only; parse the form with zod, set or clear one fault.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { sandboxBankPool } from '../db/pool';
import { AccountNotFoundError } from '../errors';
import { FAULT_MODES } from '../faults/fault-modes';
import { setFault } from '../faults/faults-store';
import { requireOperatorAction } from '../operator/require-operator';
import { requireSandboxBankEnabled } from '../require-enabled';

export type FaultFormState =
  { ok: true; at: number } | { error: 'ACCOUNT_NOT_FOUND' } | { error: 'invalid'; message: string } | null;

const scopeSchema = z.union([z.literal('GLOBAL'), z.string().regex(/^\d{16,19}$/)]);
const optionalInt = (max: number, min: number) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : Number(v)), z.int().min(min).max(max).optional());

const faultFormSchema = z.object({
  scope: scopeSchema,
  mode: z.enum(FAULT_MODES),
  delay_seconds: optionalInt(86_400, 0),
  times: optionalInt(1_000_000, 1),
});

export async function setFaultAction(_prev: FaultFormState, formData: FormData): Promise<FaultFormState> {
  requireSandboxBankEnabled();
  await requireOperatorAction('/sandbox-bank/faults');
  const parsed = faultFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: 'invalid', message: `${issue?.path.join('.')}: ${issue?.message}` };
  }
  const { scope, mode, delay_seconds, times } = parsed.data;
  try {
    await setFault(sandboxBankPool(), scope, { mode, delaySeconds: delay_seconds, times });
  } catch (err) {
    if (err instanceof AccountNotFoundError) return { error: 'ACCOUNT_NOT_FOUND' };
    throw err;
  }
  revalidatePath('/sandbox-bank/faults');
  return { ok: true, at: Date.now() };
}

export async function clearFaultAction(formData: FormData): Promise<void> {
  requireSandboxBankEnabled();
  await requireOperatorAction('/sandbox-bank/faults');
  const scope = scopeSchema.safeParse(formData.get('scope'));
  if (!scope.success) return;
  await setFault(sandboxBankPool(), scope.data, null).catch((err: unknown) => {
    if (!(err instanceof AccountNotFoundError)) throw err;
  });
  revalidatePath('/sandbox-bank/faults');
}
