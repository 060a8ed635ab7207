// The store's three products, hard-coded: a demo shop needs no product database. Prices in
// fen (bigint). Client and server both read this list; the server never trusts a price
// that came from the browser, only product ids and quantities.
export const PRODUCT_IDS = ['coffee-beans', 'pour-over-dripper', 'ceramic-mug'] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

export type Product = {
  id: ProductId;
  /** The name on the order and in the wallet (the shop is Chinese). */
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  /** Unit price in fen. */
  price: bigint;
};

export const PRODUCTS: readonly Product[] = [
  {
    id: 'coffee-beans',
    name: '云南小粒咖啡豆',
    nameEn: 'Yunnan arabica coffee beans',
    description: '保山产区中度烘焙，500 克，坚果与焦糖风味。',
    descriptionEn: 'Baoshan, medium roast, 500 g; notes of nuts and caramel.',
    price: 6_800n,
  },
  {
    id: 'pour-over-dripper',
    name: '手冲滤杯',
    nameEn: 'Pour-over dripper',
    description: '耐热玻璃 V 形滤杯，1–4 杯，附 40 张滤纸。',
    descriptionEn: 'Heat-resistant glass V-shaped dripper for 1–4 cups, 40 filters included.',
    price: 4_550n,
  },
  {
    id: 'ceramic-mug',
    name: '陶瓷马克杯',
    nameEn: 'Ceramic mug',
    description: '景德镇手工釉色，350 毫升，可用洗碗机。',
    descriptionEn: 'Hand-glazed in Jingdezhen, 350 ml, dishwasher safe.',
    price: 2_990n,
  },
];

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((p) => p.id === id);
}

export function isProductId(id: string): id is ProductId {
  return (PRODUCT_IDS as readonly string[]).includes(id);
}
