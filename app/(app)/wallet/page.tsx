import { getTranslations } from 'next-intl/server';
import { WalletHome } from './wallet-home';

export async function generateMetadata() {
  return { title: (await getTranslations('nav'))('wallet') };
}

/** The personal wallet of anyone signed in; merchants and admins reach it from their console. */
export default function PersonalWalletPage() {
  return <WalletHome />;
}
