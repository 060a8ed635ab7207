import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { requireUser } from '@/server/auth/current-user';
import { roleHome } from '@/components/shell/role-home';
import { WalletHome } from './wallet/wallet-home';

export async function generateMetadata() {
  return { title: (await getTranslations('nav'))('home') };
}

/** `/` is each role's own home: a customer's wallet, a merchant's centre, the admin console. */
export default async function HomePage() {
  const user = await requireUser();
  const home = roleHome(user.role);
  if (home !== '/') redirect(home);
  return <WalletHome />;
}
