// For integration tests of the signed-out forms that are about something other than the
// per-address limits: a context whose client address is new each time it is read (from the
// documentation range 2001:db8::/32), so those limits never mix up unrelated tests.
import { randomInt } from 'node:crypto';
import type { Locale } from '../../../lib/i18n/locales';
import type { FormContext } from '../sign-up-request';

export const newTestIp = () =>
  `2001:db8::${randomInt(0, 0x10000).toString(16)}:${randomInt(0, 0x10000).toString(16)}:${randomInt(0, 0x10000).toString(16)}`;

export function formContextFromAnyAddress(locale: Locale, baseUrl: string): FormContext {
  return {
    locale,
    baseUrl,
    get ip() {
      return newTestIp();
    },
  };
}
