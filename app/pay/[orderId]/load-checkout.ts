import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { getCheckoutViewOrThrow } from '@/server/orders/get-checkout-view';
import { NotFoundError } from '@/server/core/domain-errors';

/** The checkout view for whoever is looking (signed in or not), once per request; unknown or malformed id → 404. */
export const loadCheckout = cache(async (orderId: string) => {
  const user = await getCurrentUser();
  try {
    return { user, view: await getCheckoutViewOrThrow(db(), orderId, user?.id ?? null) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
