// Who is asking. Every page, action and handler that reads data calls one of these
// (DESIGN.md §8 rule 7): middleware alone is never trusted.
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db';
import type { Role } from '../generated/prisma/enums';
import { authOptions } from './auth-options';
import { findActiveSessionUser } from './sessions';

export type CurrentUser = { id: string; email: string; displayName: string; role: Role };

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: unknown } | null;
  if (!session || typeof session.sid !== 'string') return null;
  return findActiveSessionUser(db(), session.sid);
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}

export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
