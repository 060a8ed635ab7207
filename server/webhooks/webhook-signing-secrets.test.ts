import { describe, expect, it } from 'vitest';
import { webhookSigningSecrets } from './webhook-signing-secrets';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('webhookSigningSecrets', () => {
  it('is the current secret alone when nothing was rotated', () => {
    expect(
      webhookSigningSecrets(
        { webhookSecret: 'new', previousWebhookSecret: null, previousWebhookSecretExpiresAt: null },
        NOW,
      ),
    ).toEqual(['new']);
  });

  it('adds the previous secret, after the current one, until it expires', () => {
    const rotated = {
      webhookSecret: 'new',
      previousWebhookSecret: 'old',
      previousWebhookSecretExpiresAt: new Date(NOW.getTime() + 1_000),
    };
    expect(webhookSigningSecrets(rotated, NOW)).toEqual(['new', 'old']);
  });

  it('drops it from the moment it expires', () => {
    const expired = { webhookSecret: 'new', previousWebhookSecret: 'old', previousWebhookSecretExpiresAt: NOW };
    expect(webhookSigningSecrets(expired, NOW)).toEqual(['new']);
  });
});
