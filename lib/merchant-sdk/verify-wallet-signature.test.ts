import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPayload } from '../signing/hmac-signature';
import { verifyWalletSignature } from './verify-wallet-signature';

const SECRET = 'whsec_test_0123456789abcdef';
const NOW = 1_800_000_000;
const BODY =
  '{"id":"0193a1b2-0000-7000-8000-000000000001","type":"order.paid","created_at":"2026-11-26T02:00:00.000Z","data":{"object":{"amount":8888}}}';
const HEADER = signPayload(BODY, SECRET, NOW);

/** Changes one character (one byte in ASCII) at `index`. */
function flip(text: string, index: number): string {
  const c = text[index]!;
  const replacement = c === 'a' ? 'b' : c === '0' ? '1' : c === '"' ? "'" : 'a';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('verifyWalletSignature', () => {
  it('accepts the wallet’s own signature (the signer of deliveries)', () => {
    expect(verifyWalletSignature(BODY, HEADER, SECRET, 300, NOW)).toBe(true);
  });

  it('accepts a fresh signature on the real clock with the default tolerance', () => {
    expect(verifyWalletSignature(BODY, signPayload(BODY, SECRET), SECRET)).toBe(true);
  });

  it('accepts a hand-made signature (what the wallet documents, not just what it does)', () => {
    const v1 = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    expect(verifyWalletSignature(BODY, `t=${NOW},v1=${v1}`, SECRET, 300, NOW)).toBe(true);
  });

  const v1 = HEADER.split('v1=')[1]!;
  it.each([
    ['a wrong byte at the start of the body', flip(BODY, 0), HEADER, SECRET],
    ['a wrong byte in the middle of the body', flip(BODY, 60), HEADER, SECRET],
    ['a wrong byte at the end of the body', flip(BODY, BODY.length - 1), HEADER, SECRET],
    ['the body with a trailing newline', `${BODY}\n`, HEADER, SECRET],
    ['the body re-serialised with spaces', JSON.stringify(JSON.parse(BODY), null, 1), HEADER, SECRET],
    ['a wrong byte in the signature', BODY, `t=${NOW},v1=${flip(v1, 10)}`, SECRET],
    ['a wrong last byte in the signature', BODY, `t=${NOW},v1=${flip(v1, 63)}`, SECRET],
    ['a changed timestamp (signature kept)', BODY, `t=${NOW - 1},v1=${v1}`, SECRET],
    ['a wrong byte in the secret', BODY, HEADER, flip(SECRET, 3)],
    ['an empty secret', BODY, HEADER, ''],
    ['a missing header (undefined)', BODY, undefined, SECRET],
    ['a missing header (null)', BODY, null, SECRET],
    ['an empty header', BODY, '', SECRET],
    ['no signature', BODY, `t=${NOW}`, SECRET],
    ['no timestamp', BODY, `v1=${v1}`, SECRET],
    ['a non-numeric timestamp', BODY, `t=abc,v1=${v1}`, SECRET],
    ['a negative timestamp', BODY, `t=-${NOW},v1=${v1}`, SECRET],
    ['two timestamps', BODY, `t=${NOW},t=${NOW + 1},v1=${v1}`, SECRET],
    ['a short signature', BODY, `t=${NOW},v1=${v1.slice(0, 62)}`, SECRET],
    ['a long signature', BODY, `t=${NOW},v1=${v1}00`, SECRET],
    ['upper-case hex (not what we send)', BODY, `t=${NOW},v1=${v1.toUpperCase()}`, SECRET],
    ['a part without =', BODY, `t=${NOW},v1,${v1}`, SECRET],
    ['only a v0 signature', BODY, `t=${NOW},v0=${v1}`, SECRET],
    ['garbage', BODY, 'hello', SECRET],
  ])('refuses %s', (_name, body, header, secret) => {
    expect(verifyWalletSignature(body, header, secret, 300, NOW)).toBe(false);
  });

  it.each([
    ['stale by one second past the tolerance', NOW - 301, false],
    ['stale by hours', NOW - 6 * 3600, false],
    ['exactly at the tolerance in the past', NOW - 300, true],
    ['in the future past the tolerance', NOW + 301, false],
    ['exactly at the tolerance in the future', NOW + 300, true],
  ])('timestamp %s', (_name, signedAt, ok) => {
    expect(verifyWalletSignature(BODY, signPayload(BODY, SECRET, signedAt), SECRET, 300, NOW)).toBe(ok);
  });

  it('honours a custom tolerance', () => {
    const header = signPayload(BODY, SECRET, NOW - 60);
    expect(verifyWalletSignature(BODY, header, SECRET, 30, NOW)).toBe(false);
    expect(verifyWalletSignature(BODY, header, SECRET, 90, NOW)).toBe(true);
  });

  it('accepts any matching v1 among several (secret rotation), in either order', () => {
    const oldV1 = signPayload(BODY, 'whsec_old', NOW).split('v1=')[1]!;
    expect(verifyWalletSignature(BODY, `${HEADER},v1=${oldV1}`, SECRET, 300, NOW)).toBe(true);
    expect(verifyWalletSignature(BODY, `t=${NOW},v1=${oldV1},v1=${v1}`, SECRET, 300, NOW)).toBe(true);
    expect(verifyWalletSignature(BODY, `t=${NOW},v1=${oldV1}`, SECRET, 300, NOW)).toBe(false);
    // The old secret still verifies while both are sent (the merchant has not switched yet).
    expect(verifyWalletSignature(BODY, `${HEADER},v1=${oldV1}`, 'whsec_old', 300, NOW)).toBe(true);
  });

  it('ignores spaces after commas and unknown schemes', () => {
    expect(verifyWalletSignature(BODY, `t=${NOW}, v0=abc, v1=${v1}`, SECRET, 300, NOW)).toBe(true);
  });

  it('handles non-ASCII bodies as UTF-8', () => {
    const body = '{"subject":"咖啡豆 ×2"}';
    expect(verifyWalletSignature(body, signPayload(body, SECRET, NOW), SECRET, 300, NOW)).toBe(true);
    expect(verifyWalletSignature('{"subject":"咖啡豆 ×3"}', signPayload(body, SECRET, NOW), SECRET, 300, NOW)).toBe(
      false,
    );
  });
});

describe('verify-wallet-signature.ts is standalone', () => {
  it('imports nothing but node:crypto (merchants copy the file)', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./verify-wallet-signature.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['node:crypto']);
  });
});
