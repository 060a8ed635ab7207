import { Bean, Coffee, Filter } from 'lucide-react';
import type { ProductId } from '../catalogue';
import { cn } from './cn';

const ART: Record<ProductId, { Icon: typeof Bean; className: string }> = {
  'coffee-beans': { Icon: Bean, className: 'bg-gradient-to-br from-amber-100 to-orange-200 text-amber-900' },
  'pour-over-dripper': { Icon: Filter, className: 'bg-gradient-to-br from-sky-50 to-slate-200 text-slate-700' },
  'ceramic-mug': { Icon: Coffee, className: 'bg-gradient-to-br from-rose-50 to-stone-200 text-stone-700' },
};

/** A product's picture: the shop has no photos, so a coloured tile with an icon. */
export function ProductArt({ productId, size = 'lg' }: { productId: ProductId; size?: 'lg' | 'sm' }) {
  const { Icon, className } = ART[productId];
  return (
    <div
      aria-hidden
      className={cn(
        'flex items-center justify-center',
        className,
        size === 'lg' ? 'aspect-[16/9] w-full sm:aspect-[4/3]' : 'size-14 shrink-0 rounded-lg',
      )}
    >
      <Icon className={size === 'lg' ? 'size-16' : 'size-7'} strokeWidth={1.5} />
    </div>
  );
}
