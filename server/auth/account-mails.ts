// The mails of the account's door, in the reader's language (the language of the request
// that caused them: users have no stored language), in the wallet's one mail look
// (render-mail.ts). The link the reader must follow is the mail's only link.
import type { Locale } from '../../lib/i18n/locales';
import { renderMail } from '../mail/render-mail';
import type { MailMessage } from '../mail/send-mail';

export type AccountMail = MailMessage;

const shanghaiTime = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(d);

export function signUpLinkMail(to: string, locale: Locale, link: string, minutes: number): AccountMail {
  return locale === 'en'
    ? renderMail(to, locale, {
        subject: 'Confirm your email address',
        paragraphs: [
          'Follow the link below to confirm your address and open your wallet account.',
          `The link works once, within ${minutes} minutes.`,
          'If you did not sign up, ignore this mail: no account is opened without this link.',
        ],
        link: { href: link, label: 'Confirm my email' },
      })
    : renderMail(to, locale, {
        subject: '请验证你的邮箱',
        paragraphs: [
          '点击下面的链接验证邮箱，完成钱包账户注册。',
          `链接 ${minutes} 分钟内有效，只能使用一次。`,
          '如果不是你本人注册，请忽略本邮件：不点击链接，不会开立账户。',
        ],
        link: { href: link, label: '验证邮箱' },
      });
}

export function addressTakenMail(to: string, locale: Locale, urls: { signIn: string; reset: string }): AccountMail {
  return locale === 'en'
    ? renderMail(to, locale, {
        subject: 'Someone tried to sign up with your address',
        paragraphs: [
          'Someone just tried to open a wallet account with this email address, which already has one. Nothing was changed.',
          `If it was you, sign in below. Forgot your password? Reset it at ${urls.reset}`,
          'If it was not you, you can ignore this mail.',
        ],
        link: { href: urls.signIn, label: 'Sign in' },
      })
    : renderMail(to, locale, {
        subject: '有人尝试用你的邮箱注册',
        paragraphs: [
          '刚才有人尝试用这个邮箱注册钱包账户，但该邮箱已有账户。你的账户没有任何变化。',
          `如果是你本人，请直接登录。忘记密码？可在这里重置：${urls.reset}`,
          '如果不是你本人，可以忽略本邮件。',
        ],
        link: { href: urls.signIn, label: '登录' },
      });
}

export function passwordResetMail(to: string, locale: Locale, link: string, minutes: number): AccountMail {
  return locale === 'en'
    ? renderMail(to, locale, {
        subject: 'Reset your password',
        paragraphs: [
          'Follow the link below to choose a new password.',
          `The link works once, within ${minutes} minutes. Resetting signs out every device.`,
          'If you did not ask for this, ignore this mail: your password stays as it is.',
        ],
        link: { href: link, label: 'Choose a new password' },
      })
    : renderMail(to, locale, {
        subject: '重置你的登录密码',
        paragraphs: [
          '点击下面的链接设置新的登录密码。',
          `链接 ${minutes} 分钟内有效，只能使用一次。重置后所有设备都会退出登录。`,
          '如果不是你本人操作，请忽略本邮件，你的密码不会改变。',
        ],
        link: { href: link, label: '设置新密码' },
      });
}

export function passwordChangedMail(to: string, locale: Locale, at: Date, resetUrl: string): AccountMail {
  return locale === 'en'
    ? renderMail(to, locale, {
        subject: 'Your password was changed',
        paragraphs: [
          `The password of your wallet account was changed at ${shanghaiTime(at)} (Beijing time). Every other device was signed out.`,
          'If this was not you, reset your password now and check your account.',
        ],
        link: { href: resetUrl, label: 'Reset my password' },
      })
    : renderMail(to, locale, {
        subject: '你的登录密码已修改',
        paragraphs: [
          `你的钱包账户登录密码已于 ${shanghaiTime(at)}（北京时间）修改，其他设备均已退出登录。`,
          '如果不是你本人操作，请立即重置密码并检查账户。',
        ],
        link: { href: resetUrl, label: '重置密码' },
      });
}
