// Who is asking. Every page, action and handler that reads data calls one of these
// (docs/house-rules.md rule 7): middleware alone is never trusted.
import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db';
import type { Role } from '../generated/prisma/enums';
import { authOptions } from './auth-options';
import { findActiveSessionUser } from './sessions';

type GetTokenRequest = Parameters<typeof getToken>[0]['req'];

export type CurrentUser = { id: string; email: string; displayName: string; role: Role };

/**
 * The server-side session the browser's cookie names (not yet checked against its row). The
 * cookie is decrypted directly: getServerSession would also run next-auth's whole session
 * handler and encrypt a refreshed token that a page cannot set anyway, on every request.
 */
const currentSessionId = cache(async (): Promise<string | null> => {
  const jar = await cookies();
  const token = await getToken({
    req: { headers: {}, cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])) } as GetTokenRequest,
    secret: authOptions.secret,
  });
  return token && typeof token.sid === 'string' ? token.sid : null;
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sid = await currentSessionId();
  return sid ? findActiveSessionUser(db(), sid) : null;
});

/** The user and the session they are using (to mark "this device", or keep it signed in). */
export async function requireUserSession(): Promise<{ user: CurrentUser; sessionId: string }> {
  const user = await requireUser();
  const sessionId = await currentSessionId();
  if (!sessionId) redirect('/sign-in');
  return { user, sessionId };
}

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
