// The mail with a sign-in code, in the reader's language.
import type { Locale } from '../../lib/i18n/locales';
import { renderMail } from '../mail/render-mail';
import type { MailMessage } from '../mail/send-mail';
import { SIGN_IN_CODE_TTL_MINUTES } from './sign-in-codes';

export function signInCodeMail(to: string, locale: Locale, code: string): MailMessage {
  if (locale === 'en') {
    return renderMail(to, locale, {
      subject: `Your Wallet sign-in code: ${code}`,
      paragraphs: [
        'Someone (hopefully you) is signing in to your Wallet account. Because of several failed attempts, signing in also needs this code:',
        `It expires in ${SIGN_IN_CODE_TTL_MINUTES} minutes and works once. If it was not you, do not share it; consider changing your password.`,
      ],
      code,
    });
  }
  return renderMail(to, locale, {
    subject: `钱包登录验证码：${code}`,
    paragraphs: [
      '有人（希望是你）正在登录你的钱包账户。由于此前多次登录失败，本次登录还需要以下验证码：',
      `验证码 ${SIGN_IN_CODE_TTL_MINUTES} 分钟内有效，只能使用一次。如果不是你本人操作，请勿告诉任何人，并建议修改密码。`,
    ],
    code,
  });
}
