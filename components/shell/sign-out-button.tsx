'use client';

import { LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations('nav');
  return (
    <Button
      variant="ghost"
      className={className}
      onClick={() => void signOut({ callbackUrl: '/sign-in' })}
      data-testid="sign-out"
    >
      <LogOut aria-hidden className="size-4" />
      {t('signOut')}
    </Button>
  );
}
