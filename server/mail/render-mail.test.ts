import { describe, expect, it } from 'vitest';
import { renderMail } from './render-mail';

describe('renderMail', () => {
  it('puts the code and the link in both bodies, and the footer in the reader’s language', () => {
    const mail = renderMail('a@example.com', 'zh-CN', {
      subject: '登录验证码',
      paragraphs: ['你的验证码如下。'],
      code: '123456',
      link: { href: 'http://localhost:3000/x?a=1&b=2', label: '打开' },
    });
    expect(mail.to).toBe('a@example.com');
    expect(mail.text).toContain('123456');
    expect(mail.text).toContain('打开: http://localhost:3000/x?a=1&b=2');
    expect(mail.text).toContain('绝不会向你索要密码');
    expect(mail.html).toContain('href="http://localhost:3000/x?a=1&amp;b=2"');
    expect(mail.html).toContain('lang="zh-CN"');
  });

  it('escapes every value in the HTML body', () => {
    const mail = renderMail('a@example.com', 'en', {
      subject: '<b>hi</b>',
      paragraphs: ['"quoted" & <script>x</script>'],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('&lt;b&gt;hi&lt;/b&gt;');
    expect(mail.html).toContain('&quot;quoted&quot; &amp;');
    expect(mail.text).toContain('never asks for your password');
  });
});
