import { getLocale, getTranslations } from 'next-intl/server';
import { PRODUCTS } from '@/demo-store/catalogue';
import { formatFen } from '@/demo-store/money';
import { AddToCartButton } from '@/demo-store/ui/add-to-cart-button';
import { ProductArt } from '@/demo-store/ui/product-art';
import { storePageTitle } from '@/demo-store/ui/store-page-title';

export async function generateMetadata() {
  return storePageTitle();
}

export default async function DemoStorePage() {
  const t = await getTranslations('demoStore.shop');
  const locale = await getLocale();
  const en = locale === 'en';
  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold text-stone-900">{t('title')}</h1>
        <p className="mt-1 text-stone-600">{t('intro')}</p>
      </div>
      <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {PRODUCTS.map((p) => {
          const name = en ? p.nameEn : p.name;
          return (
            <li
              key={p.id}
              data-testid="product-card"
              data-product-id={p.id}
              className="flex flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm"
            >
              <ProductArt productId={p.id} />
              <div className="flex flex-1 flex-col gap-2 p-4">
                <h2 className="text-lg font-semibold text-stone-900">{name}</h2>
                <p className="flex-1 text-sm leading-relaxed text-stone-600">{en ? p.descriptionEn : p.description}</p>
                <p
                  className="tabular text-xl font-semibold text-amber-800"
                  data-testid="product-price"
                  data-amount={p.price.toString()}
                >
                  {formatFen(p.price, locale)}
                </p>
                <AddToCartButton productId={p.id} productName={name} />
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
