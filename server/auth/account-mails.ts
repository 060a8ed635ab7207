// The mails of the account's door, in the reader's language (the language of the request
// that caused them: users have no stored language). Plain text first; the HTML is the same
// words. The link the reader must follow is the first URL in each mail.
import type { Locale } from '../i18n/locales';

export type AccountMail = { to: string; subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Paragraphs of text; a paragraph that is a URL becomes a link in the HTML. */
function mail(to: string, subject: string, paragraphs: string[]): AccountMail {
  const html = paragraphs
    .map((p) => (/^https?:\/\//.test(p) ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>` : `<p>${escapeHtml(p)}</p>`))
    .join('\n');
  return { to, subject, text: paragraphs.join('\n\n'), html };
}

const shanghaiTime = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(d);

export function signUpLinkMail(to: string, locale: Locale, link: string, minutes: number): AccountMail {
  return locale === 'en'
    ? mail(to, 'Confirm your email address', [
        'Follow this link to confirm your address and open your wallet account:',
        link,
        `The link works once, within ${minutes} minutes.`,
        'If you did not sign up, ignore this mail: no account is opened without this link.',
      ])
    : mail(to, '请验证你的邮箱', [
        '点击下面的链接验证邮箱，完成钱包账户注册：',
        link,
        `链接 ${minutes} 分钟内有效，只能使用一次。`,
        '如果不是你本人注册，请忽略本邮件：不点击链接，不会开立账户。',
      ]);
}

export function addressTakenMail(to: string, locale: Locale, urls: { signIn: string; reset: string }): AccountMail {
  return locale === 'en'
    ? mail(to, 'Someone tried to sign up with your address', [
        'Someone just tried to open a wallet account with this email address, which already has one. Nothing was changed.',
        'If it was you, sign in:',
        urls.signIn,
        'Forgot your password? Reset it here:',
        urls.reset,
        'If it was not you, you can ignore this mail.',
      ])
    : mail(to, '有人尝试用你的邮箱注册', [
        '刚才有人尝试用这个邮箱注册钱包账户，但该邮箱已有账户。你的账户没有任何变化。',
        '如果是你本人，请直接登录：',
        urls.signIn,
        '忘记密码？可在这里重置：',
        urls.reset,
        '如果不是你本人，可以忽略本邮件。',
      ]);
}

export function passwordResetMail(to: string, locale: Locale, link: string, minutes: number): AccountMail {
  return locale === 'en'
    ? mail(to, 'Reset your password', [
        'Follow this link to choose a new password:',
        link,
        `The link works once, within ${minutes} minutes. Resetting signs out every device.`,
        'If you did not ask for this, ignore this mail: your password stays as it is.',
      ])
    : mail(to, '重置你的登录密码', [
        '点击下面的链接设置新的登录密码：',
        link,
        `链接 ${minutes} 分钟内有效，只能使用一次。重置后所有设备都会退出登录。`,
        '如果不是你本人操作，请忽略本邮件，你的密码不会改变。',
      ]);
}

export function passwordChangedMail(to: string, locale: Locale, at: Date, resetUrl: string): AccountMail {
  return locale === 'en'
    ? mail(to, 'Your password was changed', [
        `The password of your wallet account was changed at ${shanghaiTime(at)} (Beijing time). Every other device was signed out.`,
        'If this was not you, reset your password now and check your account:',
        resetUrl,
      ])
    : mail(to, '你的登录密码已修改', [
        `你的钱包账户登录密码已于 ${shanghaiTime(at)}（北京时间）修改，其他设备均已退出登录。`,
        '如果不是你本人操作，请立即重置密码并检查账户：',
        resetUrl,
      ]);
}
