'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/components/ui/text-field';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/accounts/sign-up-limits';

/** The new password, typed twice; `errorFor` gives a field's error text. */
export function NewPasswordFields({ errorFor }: { errorFor: (field: string) => string | undefined }) {
  const t = useTranslations('account.fields');
  return (
    <>
      <TextField
        label={t('newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={t('passwordHint')}
        error={errorFor('newPassword')}
      />
      <TextField
        label={t('confirmPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('confirmPassword')}
      />
    </>
  );
}
