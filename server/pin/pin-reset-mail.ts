// The mail with the code that resets a forgotten payment PIN, in the reader's language.
import type { Locale } from '../../lib/i18n/locales';
import { renderMail } from '../mail/render-mail';
import type { MailMessage } from '../mail/send-mail';

export function pinResetMail(to: string, locale: Locale, code: string, validMinutes: number): MailMessage {
  return locale === 'en'
    ? renderMail(to, locale, {
        subject: 'Your code to reset your payment PIN',
        paragraphs: [
          NOT_YOU.en,
          `Someone (we hope you) is resetting the payment PIN of your wallet. Enter this code on the reset page; it works once, for ${validMinutes} minutes:`,
        ],
        code,
      })
    : renderMail(to, locale, {
        subject: '重置支付密码的验证码',
        paragraphs: [
          NOT_YOU['zh-CN'],
          `你正在重置钱包的支付密码。请在重置页面输入以下验证码，${validMinutes} 分钟内有效，只能使用一次：`,
        ],
        code,
      });
}

/** Said after the code, in both languages: what to do if it was not you. */
export const NOT_YOU: Record<Locale, string> = {
  'zh-CN': '如果这不是你本人的操作，请立即修改登录密码。',
  en: 'If this was not you, change your sign-in password now.',
};
