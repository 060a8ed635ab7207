import {
  ArrowDownLeft,
  ArrowDownToLine,
  ArrowUpFromLine,
  ArrowUpRight,
  Landmark,
  ShoppingBag,
  Undo2,
} from 'lucide-react';
import type { ActivityKind } from '@/server/wallet/activity/operation-view';
import { cn } from '@/components/ui/cn';

const ICONS = {
  TOP_UP: ArrowDownToLine,
  WITHDRAWAL: ArrowUpFromLine,
  TRANSFER_OUT: ArrowUpRight,
  TRANSFER_IN: ArrowDownLeft,
  PAYMENT: ShoppingBag,
  REFUND: Undo2,
  PAYOUT: Landmark,
};

/** The round icon at the start of an activity row; decorative (the row says its type in words). */
export function KindIcon({ kind, className }: { kind: ActivityKind; className?: string }) {
  const Icon = ICONS[kind];
  return (
    <span
      aria-hidden
      className={cn(
        'flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600',
        className,
      )}
    >
      <Icon className="size-5" />
    </span>
  );
}
