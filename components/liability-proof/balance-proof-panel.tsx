'use client';

import { Download, ShieldCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import type { JSONWebKeySet } from 'jose';
import { verifyLiabilityProof } from '@/lib/liability-proof/liability-proof';
import { buttonVariants, Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ProofVerdictView, type ShownVerdict } from './proof-verdict';

type Props = { days: string[]; hasMerchantBalance: boolean };

async function publishedKeys(): Promise<JSONWebKeySet | null> {
  const res = await fetch('/api/signing-keys', { cache: 'no-store' }).catch(() => null);
  return res?.ok ? ((await res.json()) as JSONWebKeySet) : null;
}

async function check(file: unknown): Promise<ShownVerdict> {
  const keys = await publishedKeys();
  if (!keys) return { ok: false, reason: 'keys-unavailable' };
  return verifyLiabilityProof(file, keys);
}

/** 我的 → 余额证明: pick a day, download the proof, check it here; or check any proof file. */
export function BalanceProofPanel({ days, hasMerchantBalance }: Props) {
  const t = useTranslations('balanceProof');
  const codeText = useTranslations('errorCodes');
  const fileInputId = useId();
  const [day, setDay] = useState(days[0] ?? '');
  const [account, setAccount] = useState<'wallet' | 'merchant'>('wallet');
  const [mine, setMine] = useState<ShownVerdict | null>(null);
  const [uploaded, setUploaded] = useState<ShownVerdict | null>(null);
  const [pending, startTransition] = useTransition();
  const href = `/me/balance-proof/${day}?account=${account}`;

  function verifyMine() {
    startTransition(async () => {
      const res = await fetch(href, { cache: 'no-store' }).catch(() => null);
      if (!res?.ok) {
        const body = (await res?.json().catch(() => null)) as { error?: { code?: string } } | null;
        const code = body?.error?.code;
        const detail = code && codeText.has(code as never) ? codeText(code as never) : codeText('SERVICE_UNAVAILABLE');
        return setMine({ ok: false, reason: 'download-failed', detail });
      }
      setMine(await check(await res.json()));
    });
  }

  function verifyFile(file: File | undefined) {
    if (!file) return;
    startTransition(async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        return setUploaded({ ok: false, reason: 'unreadable' });
      }
      setUploaded(await check(parsed));
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <Card className="flex flex-col gap-4">
        {days.length === 0 ? (
          <p className="text-sm text-gray-600">{t('noDays')}</p>
        ) : (
          <>
            <div className="flex flex-wrap items-end gap-3">
              <label className="flex flex-col gap-1 text-sm text-gray-700">
                {t('day')}
                <select
                  value={day}
                  onChange={(e) => {
                    setDay(e.target.value);
                    setMine(null);
                  }}
                  className="min-h-11 rounded-lg border border-gray-300 bg-white px-3 text-base text-gray-900 md:text-sm"
                >
                  {days.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </select>
              </label>
              {hasMerchantBalance && (
                <label className="flex flex-col gap-1 text-sm text-gray-700">
                  {t('account')}
                  <select
                    value={account}
                    onChange={(e) => {
                      setAccount(e.target.value === 'merchant' ? 'merchant' : 'wallet');
                      setMine(null);
                    }}
                    className="min-h-11 rounded-lg border border-gray-300 bg-white px-3 text-base text-gray-900 md:text-sm"
                  >
                    <option value="wallet">{t('accountWallet')}</option>
                    <option value="merchant">{t('accountMerchant')}</option>
                  </select>
                </label>
              )}
            </div>
            <div className="flex flex-wrap gap-3">
              <a href={href} download className={buttonVariants({ variant: 'secondary' })}>
                <Download aria-hidden className="size-4" />
                {t('download')}
              </a>
              <Button onClick={verifyMine} disabled={pending}>
                <ShieldCheck aria-hidden className="size-4" />
                {pending ? t('verifying') : t('verifyHere')}
              </Button>
            </div>
            {mine && <ProofVerdictView verdict={mine} />}
          </>
        )}
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="font-semibold text-gray-900">{t('uploadTitle')}</h2>
        <label htmlFor={fileInputId} className="text-sm text-gray-700">
          {t('uploadLabel')}
        </label>
        <input
          id={fileInputId}
          type="file"
          accept="application/json,.json"
          onChange={(e) => verifyFile(e.target.files?.[0])}
          className="text-sm text-gray-700 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-gray-300 file:bg-white file:px-4 file:font-semibold file:text-gray-800"
        />
        <p className="text-xs text-gray-500">{t('uploadHint')}</p>
        {uploaded && <ProofVerdictView verdict={uploaded} />}
      </Card>
    </div>
  );
}
