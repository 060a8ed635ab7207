import type { Currency } from '@/ledger';
import { endedQuietly } from '@/lib/activity/operation-outcome';
import { Amount } from '@/components/money/amount';
import { cn } from '@/components/ui/cn';
import type { OperationView } from '@/server/wallet/activity/operation-view';

type Props = { operation: Pick<OperationView, 'outcome' | 'amount' | 'total' | 'currency'>; className?: string };

/**
 * What the operation did to the balance, fee included (a withdrawal of ¥20.00 with a ¥0.10 fee
 * reads −¥20.10). Cancelled or closed: no money moved, so the amount asked for, grey, without a
 * sign; failed: grey, the sign stays (it says which way the money would have gone).
 */
export function OperationAmount({ operation, className }: Props) {
  const currency = operation.currency as Currency;
  if (endedQuietly(operation.outcome)) {
    const asked = operation.amount < 0n ? -operation.amount : operation.amount;
    return <Amount amount={asked} currency={currency} className={cn(className, 'text-gray-500')} />;
  }
  return (
    <Amount
      amount={operation.total}
      currency={currency}
      signed
      className={cn(className, operation.outcome === 'FAILED' && 'text-gray-500')}
    />
  );
}
