import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/**
 * "<page> · 沙箱银行" as an absolute title: a layout's title template does not reach pages of
 * its own segment, and the root layout's template would name the wallet.
 */
export async function bankPageTitle(page?: string): Promise<Metadata> {
  const bank = (await getTranslations('sandboxBank'))('title');
  return { title: { absolute: page ? `${page} · ${bank}` : bank } };
}
