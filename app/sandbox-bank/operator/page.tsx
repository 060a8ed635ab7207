import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { safeOperatorNext } from '@/sandbox-bank/operator/operator-session';
import { isOperatorSignedIn } from '@/sandbox-bank/operator/require-operator';
import { bankPageTitle } from '@/sandbox-bank/ui/bank-page-title';
import { OperatorSignInForm } from '@/sandbox-bank/ui/operator-sign-in-form';
import { PageTitle } from '@/sandbox-bank/ui/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return bankPageTitle((await getTranslations('sandboxBank.operator'))('title'));
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The bank operator's sign-in: fault control and the simulated phones are behind it. */
export default async function OperatorSignInPage({ searchParams }: Props) {
  const next = safeOperatorNext((await searchParams).next);
  if (await isOperatorSignedIn()) redirect(next);
  const t = await getTranslations('sandboxBank.operator');
  return (
    <div className="mx-auto w-full max-w-md">
      <PageTitle title={t('title')} intro={t('intro')} />
      <section className="rounded-2xl border border-gray-200/70 bg-white p-5 shadow-sm">
        <OperatorSignInForm next={next} />
      </section>
    </div>
  );
}
