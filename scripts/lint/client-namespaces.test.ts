import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES } from '../../lib/i18n/client-namespaces';
import { areaOf, missingNamespaces, namespaceUses } from './client-namespaces';

describe('messages given to the browser', () => {
  const uses = namespaceUses();

  it('finds the components it is about', () => {
    expect(uses.map((u) => u.file)).toEqual(
      expect.arrayContaining(['components/shell/language-switch.tsx', 'components/checkout/balance-pay-form.tsx']),
    );
  });

  it('include every namespace a component uses, where it is used', () => {
    expect(missingNamespaces(uses)).toEqual([]);
  });

  it('refuses an area namespace outside its area, and a namespace not named literally', () => {
    expect(
      missingNamespaces([
        { file: 'components/home/x.tsx', namespace: 'checkout' },
        { file: 'components/checkout/x.tsx', namespace: 'checkout' },
        { file: 'components/home/y.tsx', namespace: null },
      ]),
    ).toEqual([
      'components/home/x.tsx: checkout',
      'components/home/y.tsx: useTranslations without a literal namespace',
    ]);
    expect(areaOf('app/(app)/merchant/orders/page.tsx')).toBe('merchant');
  });

  it('names only namespaces that exist in both languages', () => {
    // As server/i18n/request.ts assembles them: the bank's and the store's files under their own name.
    const spread = [
      '',
      'errors/',
      'wallet/',
      'activity/',
      'checkout/',
      'merchant-dashboard/',
      'admin/',
      'admin-books/',
    ];
    for (const locale of ['zh-CN', 'en']) {
      const keys = new Set<string>(['sandboxBank', 'demoStore']);
      for (const dir of [...spread, 'account/', 'pin/', 'receipts/', 'liability-proof/', 'receive/']) {
        const file = `messages/${dir}${locale}.json`;
        for (const key of Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)) keys.add(key);
      }
      const listed = Object.values(CLIENT_NAMESPACES).flat();
      expect(listed.filter((name) => !keys.has(name))).toEqual([]);
    }
  });
});
