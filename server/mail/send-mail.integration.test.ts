// Real SMTP: the message goes over the wire to the run's catcher and is read back parsed.
import { describe, expect, it } from 'vitest';
import { caughtMailTo, testDb } from '../../scripts/test/integration-db';
import { renderMail } from './render-mail';
import { queueMail, sendMail } from './send-mail';

describe('mail over SMTP', () => {
  it('delivers a rendered message, Chinese intact, to the catcher', async () => {
    const to = `mail-${Date.now()}@example.com`;
    await sendMail(renderMail(to, 'zh-CN', { subject: '登录验证码', paragraphs: ['你好，张三'], code: '482913' }));
    const [mail] = await caughtMailTo(testDb(), to);
    expect(mail?.subject).toBe('登录验证码');
    expect(mail?.text).toContain('你好，张三');
    expect(mail?.text).toContain('482913');
  });

  it('queued mail arrives once flushed, and only to its address', async () => {
    const to = `queued-${Date.now()}@example.com`;
    queueMail(renderMail(to, 'en', { subject: 'Queued', paragraphs: ['one'] }));
    const mails = await caughtMailTo(testDb(), to);
    expect(mails.map((m) => m.subject)).toEqual(['Queued']);
    expect(await caughtMailTo(testDb(), `other-${Date.now()}@example.com`)).toEqual([]);
  });
});
