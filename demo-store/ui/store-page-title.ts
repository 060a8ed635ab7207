import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** "<page> · 示例商店" as an absolute title (the root layout's template would name the wallet). */
export async function storePageTitle(page?: string): Promise<Metadata> {
  const store = (await getTranslations('demoStore'))('title');
  return { title: { absolute: page ? `${page} · ${store}` : store } };
}
