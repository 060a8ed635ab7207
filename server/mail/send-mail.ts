// Outgoing mail over SMTP (nodemailer). SMTP_URL names the server: a real relay in
// production; `npm run dev` and the e2e server point it at the local catcher
// (scripts/mail/mail-catcher.ts). One transport per process, reused across sends.
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../env';

export type MailMessage = { to: string; subject: string; text: string; html: string };

const globalForMail = globalThis as unknown as {
  walletMailTransport?: Transporter;
  walletMailPending?: Set<Promise<void>>;
};

function transport(): Transporter {
  if (!globalForMail.walletMailTransport) {
    const url = env().SMTP_URL;
    if (!url)
      throw new Error('SMTP_URL is not set: mail cannot be sent (npm run dev starts a local catcher and sets it)');
    globalForMail.walletMailTransport = nodemailer.createTransport(url, { from: env().MAIL_FROM });
  }
  return globalForMail.walletMailTransport;
}

/** Sends now and waits for the server to accept the message; throws when it does not. */
export async function sendMail(message: MailMessage): Promise<void> {
  await transport().sendMail({ from: env().MAIL_FROM, ...message });
}

/**
 * Sends without making the caller wait, and never throws (a failure is logged). For answers
 * that must take the same time whether or not a mail goes out (sign-up, reset), and so that a
 * slow relay does not hold a request.
 */
export function queueMail(message: MailMessage): void {
  const pending = (globalForMail.walletMailPending ??= new Set());
  const sending = sendMail(message)
    .catch((error: unknown) =>
      console.error('[mail] could not send', { to: message.to, subject: message.subject, error }),
    )
    .finally(() => pending.delete(sending));
  pending.add(sending);
}

/** Waits for every queued mail of this process (tests; shutdown). */
export async function flushQueuedMail(): Promise<void> {
  await Promise.all([...(globalForMail.walletMailPending ?? [])]);
}
