// Money and time as the bank's pages show them: ¥ through the ledger's one formatter, times
// on a Shanghai clock.
import { formatMoney } from '@/ledger';

export function bankMoney(amount: bigint, locale: string, signed = false): string {
  return formatMoney({ amount, currency: 'CNY' }, locale === 'en' ? 'en' : 'zh-CN', { signed });
}

export { formatShanghaiDateTime } from '../time/shanghai-time';
