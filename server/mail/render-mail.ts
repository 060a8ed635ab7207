// One plain look for every mail the wallet sends: a title, short paragraphs, optionally a
// one-time code or a button link, and the same footer; as plain text and as HTML (every
// value escaped). Texts come from the caller, already in the reader's language.
import type { Locale } from '../../lib/i18n/locales';
import type { MailMessage } from './send-mail';

export type MailContent = {
  subject: string;
  paragraphs: string[];
  code?: string;
  link?: { href: string; label: string };
};

const FOOTER: Record<Locale, string> = {
  'zh-CN': '这是一封系统邮件，请勿直接回复。钱包绝不会向你索要密码、支付密码或验证码。',
  en: 'This is an automatic message; please do not reply. Wallet never asks for your password, payment PIN or codes.',
};

export function renderMail(to: string, locale: Locale, content: MailContent): MailMessage {
  const text = [
    ...content.paragraphs,
    ...(content.code ? [content.code] : []),
    ...(content.link ? [`${content.link.label}: ${content.link.href}`] : []),
    '—',
    FOOTER[locale],
  ].join('\n\n');

  const html = `<!doctype html><html lang="${locale}"><body style="margin:0;padding:24px;background:#f5f5f4;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1c1917">
<div style="max-width:480px;margin:0 auto;background:#fff;border-radius:12px;padding:24px">
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(content.subject)}</h1>
${content.paragraphs.map((p) => `<p style="font-size:15px;line-height:1.6;margin:0 0 12px">${escapeHtml(p)}</p>`).join('\n')}
${content.code ? `<p style="font-size:28px;letter-spacing:6px;font-weight:600;margin:16px 0">${escapeHtml(content.code)}</p>` : ''}
${content.link ? `<p style="margin:16px 0"><a href="${escapeHtml(content.link.href)}" style="display:inline-block;background:#1677ff;color:#fff;text-decoration:none;padding:10px 16px;border-radius:8px">${escapeHtml(content.link.label)}</a></p>` : ''}
<p style="font-size:12px;color:#78716c;margin:24px 0 0">${escapeHtml(FOOTER[locale])}</p>
</div></body></html>`;
  return { to, subject: content.subject, text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
