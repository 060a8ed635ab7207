import { describe, expect, it } from 'vitest';
import { walletPathFromScan } from './scanned-link';

const ORIGIN = 'https://wallet.example';

describe('walletPathFromScan', () => {
  it.each([
    ['a receive code', `${ORIGIN}/pay-to/AbCdEfGhIjKlMnOpQrStUv`, '/pay-to/AbCdEfGhIjKlMnOpQrStUv'],
    [
      'a receive code with an amount',
      `${ORIGIN}/pay-to/AbCdEfGhIjKlMnOpQrStUv?amount=8.88&memo=%E5%8D%88%E9%A5%AD`,
      '/pay-to/AbCdEfGhIjKlMnOpQrStUv?amount=8.88&memo=%E5%8D%88%E9%A5%AD',
    ],
    ['a payment request', `${ORIGIN}/pay-request/AbCdEfGhIjKlMnOpQrStUv`, '/pay-request/AbCdEfGhIjKlMnOpQrStUv'],
    ['a checkout', `${ORIGIN}/pay/0193a5a4-1f2e-7c3d-8e9f-0a1b2c3d4e5f`, '/pay/0193a5a4-1f2e-7c3d-8e9f-0a1b2c3d4e5f'],
    ['surrounding spaces', `  ${ORIGIN}/pay-to/AbCdEfGhIjKlMnOpQrStUv\n`, '/pay-to/AbCdEfGhIjKlMnOpQrStUv'],
  ])('opens %s', (_name, text, path) => {
    expect(walletPathFromScan(text, ORIGIN)).toBe(path);
  });

  it.each([
    ['another site', 'https://evil.example/pay-to/AbCdEfGhIjKlMnOpQrStUv'],
    ['another port', 'https://wallet.example:8443/pay-to/AbCdEfGhIjKlMnOpQrStUv'],
    ['plain text', '张三的收款码'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['another page of ours', `${ORIGIN}/me`],
    ['a path that only starts like a pay link', `${ORIGIN}/pay-to/AbCdEfGhIjKlMnOpQrStUv/../../me`],
    ['a code too short', `${ORIGIN}/pay-to/abc`],
    ['a checkout without an order id', `${ORIGIN}/pay/123`],
  ])('refuses %s', (_name, text) => {
    expect(walletPathFromScan(text, ORIGIN)).toBeNull();
  });
});
