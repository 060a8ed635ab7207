// Where the bank sends the customer back. The query string is not trusted for anything: it
// only says which operation to show; its status comes from our own records. A top-up begun
// from a checkout goes straight back to it once the money is in; until then the operation's
// page offers the way back.
import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { checkoutReturnPath, topUpReturnTarget } from '@/lib/navigation/checkout-return-path';
import { getOperationOrThrow } from '@/server/wallet/activity/get-operation-or-throw';
import { NotFoundError } from '@/server/core/domain-errors';

export default async function TopUpReturnPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const query = await searchParams;
  const reference = query.reference;
  if (typeof reference !== 'string') notFound();
  let status: string;
  try {
    status = (await getOperationOrThrow(db(), user.id, reference)).status;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  redirect(topUpReturnTarget(reference, status, checkoutReturnPath(query.next)));
}
