// Where the bank sends the customer back. The query string is not trusted for anything: it
// only says which operation to show; its status comes from our own records.
import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { getOperationOrThrow } from '@/server/wallet/activity/get-operation-or-throw';
import { NotFoundError } from '@/server/wallet/wallet-errors';

export default async function TopUpReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const reference = (await searchParams).reference;
  if (typeof reference !== 'string') notFound();
  try {
    await getOperationOrThrow(db(), user.id, reference);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  redirect(`/activity/${reference}`);
}
