import { ArrowDownToLine, ArrowLeftRight, ArrowUpFromLine, ScanLine } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Card } from '@/components/ui/card';

const LINKS = [
  { key: 'topUp', href: '/top-up', Icon: ArrowDownToLine },
  { key: 'transfer', href: '/transfer', Icon: ArrowLeftRight },
  { key: 'withdraw', href: '/withdraw', Icon: ArrowUpFromLine },
] as const;

const TILE = 'flex min-h-18 flex-col items-center justify-center gap-1 rounded-xl px-1 text-sm';

/**
 * The four actions (docs/ui.md order: 充值 付款 转账 提现); 付款 is 收付款 (receive code, scan,
 * payment requests), as in Alipay and WeChat. A frozen account sees its money actions greyed
 * out with the reason, instead of a form that fails only when sent; 收付款 stays open, since
 * receiving money still works (its pay step answers with the freeze).
 */
export function HomeActions({ frozen = false }: { frozen?: boolean }) {
  const t = useTranslations('home.actions');
  const [topUp, ...rest] = LINKS;
  const link = ({ key, href, Icon }: (typeof LINKS)[number]) =>
    frozen ? (
      <span
        key={key}
        role="link"
        aria-disabled="true"
        aria-describedby="home-actions-frozen"
        className={`${TILE} cursor-not-allowed text-gray-600`}
        data-testid={`action-${key}-disabled`}
      >
        <Icon aria-hidden className="size-6 text-gray-400" />
        {t(key)}
      </span>
    ) : (
      <Link
        key={key}
        href={href}
        className={`${TILE} text-gray-800 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600`}
      >
        <Icon aria-hidden className="size-6 text-brand-600" />
        {t(key)}
      </Link>
    );
  return (
    <Card className="p-3">
      <nav aria-label={t('label')} className="grid grid-cols-4 gap-2">
        {link(topUp)}
        <Link
          href="/receive"
          className={`${TILE} text-gray-800 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600`}
          data-testid="action-pay"
        >
          <ScanLine aria-hidden className="size-6 text-brand-600" />
          {t('pay')}
        </Link>
        {rest.map(link)}
      </nav>
      {frozen ? (
        <p
          id="home-actions-frozen"
          className="mt-2 px-1 text-center text-sm text-amber-900"
          data-testid="actions-frozen"
        >
          {t('frozen')}
        </p>
      ) : null}
    </Card>
  );
}
