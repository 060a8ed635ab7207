import { ArrowLeftRight } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { Role } from '@/server/generated/prisma/enums';
import { roleHome } from './role-home';

/**
 * The switch between a merchant's or admin's own console and their personal wallet (as
 * Alipay's 商家版 ↔ 个人版). Customers have only the wallet: nothing is shown to them.
 */
export async function WorkspaceSwitch({ role, current }: { role: Role; current: 'wallet' | 'console' }) {
  const home = roleHome(role);
  if (home === '/') return null;
  const t = await getTranslations('workspaceSwitch');
  const target = current === 'wallet' ? home : '/wallet';
  const label = current === 'wallet' ? t(role === 'ADMIN' ? 'toAdmin' : 'toMerchant') : t('toWallet');
  return (
    <Link
      href={target}
      data-testid="workspace-switch"
      className="inline-flex min-h-11 items-center gap-1.5 rounded-full border border-gray-200 bg-white px-3 text-sm font-semibold text-brand-600 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <ArrowLeftRight aria-hidden className="size-4" />
      {label}
    </Link>
  );
}
