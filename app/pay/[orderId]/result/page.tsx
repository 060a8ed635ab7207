// The result of paying an order: after a balance payment, and where the bank sends the
// customer back (/pay/<id>/return re-exports this page). The query string only names the
// operation; its status is read from our records, for its payer only.
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { PaymentResultView } from '@/components/checkout/payment-result-view';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { getPaymentResultOrThrow } from '@/server/orders/get-payment-result';
import { NotFoundError } from '@/server/core/domain-errors';

type Props = {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  return { title: (await getTranslations('checkout'))('title') };
}

export default async function PaymentResultPage({ params, searchParams }: Props) {
  const { orderId } = await params;
  const operation = (await searchParams).operation;
  if (typeof operation !== 'string') notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/pay/${orderId}/result?operation=${operation}`)}`);
  const result = await getPaymentResultOrThrow(db(), user.id, orderId, operation).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return <PaymentResultView result={result} />;
}
