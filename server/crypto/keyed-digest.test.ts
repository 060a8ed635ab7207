import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyedDigest } from './keyed-digest';

describe('keyed digest', () => {
  it('is the same for the same value and purpose, and differs by value and by purpose', () => {
    const card = '6222000000000044';
    expect(keyedDigest(card, 'card-link')).toBe(keyedDigest(card, 'card-link'));
    expect(keyedDigest(card, 'card-link')).not.toBe(keyedDigest('6222000000000055', 'card-link'));
    expect(keyedDigest(card, 'card-link')).not.toBe(keyedDigest(card, 'other'));
  });

  it('is neither the value nor its plain hash', () => {
    const card = '6222000000000044';
    const digest = keyedDigest(card, 'card-link');
    expect(digest).not.toContain(card);
    expect(digest).not.toBe(createHash('sha256').update(card).digest('base64url'));
    expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
