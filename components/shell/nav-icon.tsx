import { Bell, Building2, House, ReceiptText, ShieldCheck, UserRound, Wallet } from 'lucide-react';
import type { NavKey } from './nav-items';

const ICONS = {
  home: House,
  wallet: Wallet,
  activity: ReceiptText,
  notifications: Bell,
  me: UserRound,
  merchant: Building2,
  admin: ShieldCheck,
};

export function NavIcon({ navKey, className }: { navKey: NavKey; className?: string }) {
  const Icon = ICONS[navKey];
  return <Icon aria-hidden className={className} />;
}
