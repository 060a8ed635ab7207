// The optional amount and memo of a receive code's URL (设置金额): `/pay-to/<code>?amount=8.88&memo=…`.
// Read with the same rules as the transfer form's fields, so a link cannot carry what the
// form would refuse.
import { formatAmountPlain, DEFAULT_CURRENCY } from '@/ledger';
import { amountField, memoField } from '../core/form-input';
import { InvalidInputError } from '../core/domain-errors';

export type ReceiveLinkParams = { amount: bigint | null; memo: string | null };

type SearchParams = Record<string, string | string[] | undefined>;

/** Throws INVALID_AMOUNT / INVALID_INPUT naming `amount` or `memo`. */
export function readReceiveLinkParams(search: SearchParams): ReceiveLinkParams {
  const form = new FormData();
  for (const field of ['amount', 'memo'] as const) {
    const value = search[field];
    if (Array.isArray(value)) throw new InvalidInputError(field, `${field} is given twice`);
    if (value !== undefined) form.set(field, value);
  }
  const amount = form.has('amount') && form.get('amount') !== '' ? amountField(form) : null;
  return { amount, memo: memoField(form) };
}

/** The path a receive code's QR holds; the amount as plain yuan ("8.88"). */
export function receiveCodePath(code: string, params: ReceiveLinkParams = { amount: null, memo: null }): string {
  const query = new URLSearchParams();
  if (params.amount !== null) query.set('amount', formatAmountPlain(params.amount, DEFAULT_CURRENCY));
  if (params.memo) query.set('memo', params.memo);
  const search = query.toString();
  return `/pay-to/${code}${search ? `?${search}` : ''}`;
}
