// Account mails leave after the answer is sent (next/server's after()), so whether a mail
// went out (a known address) or not (an unknown one) does not show in the answer's timing,
// and a slow mail server does not hold the page. A mail that fails is logged; the person can
// ask again (resend, reset).
import { after } from 'next/server';
import { sendMail } from '../mail/send-mail';
import type { AccountMail } from './account-mails';

export function sendAccountMailAfterResponse(mail: AccountMail | null): void {
  if (!mail) return;
  after(async () => {
    try {
      await sendMail(mail);
    } catch (err) {
      console.error('[account-mail] could not send:', mail.subject, err);
    }
  });
}
