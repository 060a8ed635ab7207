import { getTranslations } from 'next-intl/server';
import { CartView } from '@/demo-store/ui/cart-view';
import { storePageTitle } from '@/demo-store/ui/store-page-title';

export async function generateMetadata() {
  return storePageTitle((await getTranslations('demoStore.cart'))('title'));
}

export default async function CartPage() {
  const t = await getTranslations('demoStore.cart');
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold text-stone-900">{t('title')}</h1>
      <CartView />
    </>
  );
}
