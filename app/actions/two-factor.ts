'use server';

import QRCode from 'qrcode';
import { requireUser } from '@/server/auth/current-user';
import {
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  startTwoFactorEnrolment,
} from '@/server/auth/two-factor/two-factor';
import { db } from '@/server/db';
import { runAction, type ActionResult } from './action-result';

export type TwoFactorEnrolment = { secret: string; qrDataUrl: string };

/** A new secret for the signed-in user's authenticator app, with its QR code. */
export async function startTwoFactorAction(): Promise<ActionResult<TwoFactorEnrolment>> {
  const user = await requireUser();
  return runAction(async () => {
    const { secret, uri } = await startTwoFactorEnrolment(db(), user.id);
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return { secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  });
}

export async function confirmTwoFactorAction(form: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const user = await requireUser();
  return runAction(() => confirmTwoFactorEnrolment(db(), user.id, String(form.get('code') ?? '').slice(0, 16)));
}

export async function disableTwoFactorAction(form: FormData): Promise<ActionResult<null>> {
  const user = await requireUser();
  return runAction(async () => {
    await disableTwoFactor(db(), user.id, String(form.get('code') ?? '').slice(0, 32));
    return null;
  });
}
