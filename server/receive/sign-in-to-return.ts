// A pay link opened signed out: sign in, then come back to the same link (amount and memo too).
import 'server-only';
import { redirect } from 'next/navigation';
import { getCurrentUser, type CurrentUser } from '../auth/current-user';

export async function requireUserReturningTo(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}
