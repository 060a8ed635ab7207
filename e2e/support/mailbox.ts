// Reads what the wallet mailed, the way a developer does: the local catcher's inbox at
// /dev/mailbox (scripts/mail/mail-catcher.ts). Mail is sent in the background, so these wait
// for a message newer than what the address had before (pass `after`, from mailCount).
import { expect, type Page } from '@playwright/test';

export type CaughtMail = { subject: string; text: string };

/** How many mails the address has now; pass it to the readers below as `after`. */
export async function mailCount(page: Page, email: string): Promise<number> {
  const response = await page.request.get(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const html = await response.text();
  return (html.match(/data-testid="mail"/g) ?? []).length;
}

export async function latestMailTo(page: Page, email: string, after = 0): Promise<CaughtMail> {
  const mailbox = await page.context().newPage();
  try {
    const mails = mailbox.getByTestId('mail');
    await expect(async () => {
      await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
      expect(await mails.count()).toBeGreaterThan(after);
    }).toPass({ timeout: 15_000 });
    const newest = mails.first();
    return {
      subject: await newest.getByTestId('mail-subject').innerText(),
      text: await newest.getByTestId('mail-text').innerText(),
    };
  } finally {
    await mailbox.close();
  }
}

/** The first six-digit number in the newest mail to that address. */
export async function codeFromLatestMail(page: Page, email: string, after = 0): Promise<string> {
  const { text } = await latestMailTo(page, email, after);
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no six-digit code in the mail to ${email}: ${text}`);
  return code;
}

/** The first http(s) URL in the newest mail to that address. */
export async function linkFromLatestMail(page: Page, email: string, after = 0): Promise<string> {
  const { text } = await latestMailTo(page, email, after);
  const link = /https?:\/\/\S+/.exec(text)?.[0];
  if (!link) throw new Error(`no link in the mail to ${email}: ${text}`);
  return link;
}
