// Server-side guard of the operator's pages and actions (fault control, the simulated phones):
// without a valid session cookie, pages go to the operator's sign-in and actions refuse.
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sandboxBankEnv } from '../env';
import { OPERATOR_COOKIE, operatorSessionValid } from './operator-session';

export async function isOperatorSignedIn(): Promise<boolean> {
  const value = (await cookies()).get(OPERATOR_COOKIE)?.value;
  return operatorSessionValid(sandboxBankEnv().operatorSecret, value);
}

/** For pages: back here once signed in. */
export async function requireOperatorPage(path: string): Promise<void> {
  if (!(await isOperatorSignedIn())) redirect(`/sandbox-bank/operator?next=${encodeURIComponent(path)}`);
}

/** For server actions: a forged or expired session changes nothing and goes to the sign-in (not a 500). */
export async function requireOperatorAction(backTo: string): Promise<void> {
  if (!(await isOperatorSignedIn())) redirect(`/sandbox-bank/operator?next=${encodeURIComponent(backTo)}`);
}
