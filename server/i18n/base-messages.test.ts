import { describe, expect, it } from 'vitest';
import { baseMessages } from './base-messages';

describe('baseMessages', () => {
  it('gives the texts of the language asked for, whatever the cookie says', () => {
    expect(baseMessages('zh-CN').offline.title).toBe('网络连接不可用');
    expect(baseMessages('en').offline.title).toBe("You're offline");
    expect(baseMessages('en').app.name).toBe('Wallet');
  });
});
