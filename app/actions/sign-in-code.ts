'use server';

import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { requestSignInCode, type RequestSignInCodeResult } from '@/server/auth/request-sign-in-code';
import { db } from '@/server/db';
import { clientIp } from '@/server/http/client-ip';
import { isLocale } from '@/lib/i18n/locales';

/** The sign-in form's "send me a code" (after repeated failures on the account). */
export async function requestSignInCodeAction(form: FormData): Promise<RequestSignInCodeResult> {
  const locale = await getLocale();
  return requestSignInCode(db(), {
    email: String(form.get('email') ?? '').slice(0, 320),
    ip: clientIp(await headers()),
    locale: isLocale(locale) ? locale : 'zh-CN',
  });
}
