import { BadgeCheck, ChevronRight, KeyRound, Landmark, ShieldCheck, Smartphone } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MerchantEntryLink } from '@/components/merchant/merchant-entry-link';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { twoFactorEnabled } from '@/server/auth/two-factor/two-factor';
import { db } from '@/server/db';
import { findMerchantApplication } from '@/server/merchants/find-merchant-for-user-or-throw';
import { paymentPinStatus } from '@/server/pin/payment-pin-status';

export async function generateMetadata() {
  return { title: (await getTranslations('me'))('title') };
}

export default async function MePage() {
  const user = await requireUser();
  const t = await getTranslations('me');
  const tl = await getTranslations('language');
  const tb = await getTranslations('bankAccounts');
  const ts = await getTranslations('account.security');
  const tp = await getTranslations('pin.page');
  const tbp = await getTranslations('balanceProof');
  const pin = await paymentPinStatus(db(), user.id);
  const twoFactorOn = await twoFactorEnabled(db(), user.id);
  const application = user.role === 'CUSTOMER' ? await findMerchantApplication(db(), user.id) : null;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold text-gray-900">{t('title')}</h1>
      <Card>
        <h2 className="mb-3 font-semibold text-gray-900">{t('account')}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-gray-500">{t('email')}</dt>
          <dd className="break-all text-gray-900">{user.email}</dd>
          <dt className="text-gray-500">{t('role')}</dt>
          <dd className="text-gray-900">{t(`roles.${user.role}`)}</dd>
          <dt className="self-center text-gray-500">{tl('label')}</dt>
          <dd>
            <LanguageSwitch />
          </dd>
        </dl>
      </Card>
      <Card className="p-0">
        <Link
          href="/me/payment-pin"
          className="flex min-h-14 items-center gap-3 rounded-2xl px-5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <KeyRound aria-hidden className="size-5 text-brand-600" />
          <span className="flex-1 font-semibold text-gray-900">{tp('title')}</span>
          <span className="text-sm text-gray-500">{pin.isSet ? tp('isSet') : tp('notSet')}</span>
          <ChevronRight aria-hidden className="size-5 text-gray-400" />
        </Link>
        <Link
          href="/two-factor"
          className="flex min-h-14 items-center gap-3 rounded-2xl border-t border-gray-100 px-5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <Smartphone aria-hidden className="size-5 text-brand-600" />
          <span className="flex-1 font-semibold text-gray-900">{t('twoFactor')}</span>
          <span className="text-sm text-gray-500">{twoFactorOn ? t('twoFactorOn') : t('twoFactorOff')}</span>
          <ChevronRight aria-hidden className="size-5 text-gray-400" />
        </Link>
      </Card>
      <Card className="p-0">
        <Link
          href="/bank-accounts"
          className="flex min-h-14 items-center gap-3 rounded-2xl px-5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <Landmark aria-hidden className="size-5 text-brand-600" />
          <span className="flex-1 font-semibold text-gray-900">{tb('title')}</span>
          <ChevronRight aria-hidden className="size-5 text-gray-400" />
        </Link>
        <Link
          href="/me/balance-proof"
          className="flex min-h-14 items-center gap-3 rounded-2xl border-t border-gray-100 px-5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <BadgeCheck aria-hidden className="size-5 text-brand-600" />
          <span className="flex flex-1 flex-col py-2">
            <span className="font-semibold text-gray-900">{tbp('entry')}</span>
            <span className="text-sm text-gray-500">{tbp('entryHint')}</span>
          </span>
          <ChevronRight aria-hidden className="size-5 text-gray-400" />
        </Link>
      </Card>
      <Card className="p-0">
        <Link
          href="/me/security"
          className="flex min-h-14 items-center gap-3 rounded-2xl px-5 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <ShieldCheck aria-hidden className="size-5 text-brand-600" />
          <span className="flex flex-1 flex-col py-2">
            <span className="font-semibold text-gray-900">{ts('title')}</span>
            <span className="text-sm text-gray-500">{ts('entryHint')}</span>
          </span>
          <ChevronRight aria-hidden className="size-5 text-gray-400" />
        </Link>
      </Card>
      <MerchantEntryLink user={user} application={application} />
      <SignOutButton className="self-start" />
    </div>
  );
}
