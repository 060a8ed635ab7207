'use client';

import { LogOut } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { signOutAndGo } from './sign-out';

export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations('nav');
  return (
    <Button variant="ghost" className={className} onClick={() => void signOutAndGo('/sign-in')} data-testid="sign-out">
      <LogOut aria-hidden className="size-4" />
      {t('signOut')}
    </Button>
  );
}
