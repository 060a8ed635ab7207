import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/domain-errors';
import { parseWebhookUrl } from './update-merchant-webhook';

const refusal = (raw: string, allowPrivate: boolean) => {
  try {
    parseWebhookUrl(raw, allowPrivate);
  } catch (error) {
    if (error instanceof InvalidInputError) return { field: error.field, message: error.message };
    throw error;
  }
  return null;
};

describe('parseWebhookUrl', () => {
  it('clears with an empty string and keeps a trimmed public URL', () => {
    expect(parseWebhookUrl('  ', false)).toBeNull();
    expect(parseWebhookUrl(' https://shop.example/webhooks ', false)).toBe('https://shop.example/webhooks');
  });

  it.each([
    ['http://127.0.0.1:5432/', '127.0.0.1'],
    ['http://localhost:3000/notify', 'localhost'],
    ['http://api.localhost/notify', 'api.localhost'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://10.0.0.8/notify', '10.0.0.8'],
    ['http://[::1]/notify', '[::1]'],
    ['http://2130706433/notify', '127.0.0.1'],
  ])('in production refuses %s, naming the field and the host', (url, host) => {
    expect(refusal(url, false)).toEqual({
      field: 'webhookUrl',
      message: `${host} is a private address: use your server's public address`,
    });
  });

  it('allows a local URL where private addresses are allowed (development, the demo store)', () => {
    expect(parseWebhookUrl('http://localhost:3000/api/demo-store/notify', true)).toBe(
      'http://localhost:3000/api/demo-store/notify',
    );
  });

  it.each(['ftp://shop.example/x', 'javascript:alert(1)', 'not a url'])('refuses %s whatever the policy', (url) => {
    expect(refusal(url, true)?.field).toBe('webhookUrl');
  });
});
