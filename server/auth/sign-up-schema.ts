// What a sign-up form may contain. Shared by the server action and its tests; messages are
// i18n keys (auth.errors.*) so the form can show them in the user's language.
import { z } from 'zod';
import { safeTextCheck } from '../text/safe-text';

import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../../lib/accounts/sign-up-limits';

export { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN };

export const signUpSchema = z.object({
  email: z
    .string({ error: 'emailInvalid' })
    .trim()
    .max(254, { error: 'emailInvalid' })
    .pipe(z.email({ error: 'emailInvalid' }))
    .transform((e) => e.toLowerCase()),
  displayName: z
    .string({ error: 'displayNameRequired' })
    .trim()
    .min(1, { error: 'displayNameRequired' })
    .max(DISPLAY_NAME_MAX, { error: 'displayNameTooLong' })
    // A name shown to other people: no control, invisible or text direction characters.
    .check(safeTextCheck({ message: 'displayNameInvalid' })),
  password: z
    .string({ error: 'passwordTooShort' })
    .min(PASSWORD_MIN, { error: 'passwordTooShort' })
    .max(PASSWORD_MAX, { error: 'passwordTooLong' }),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignUpField = keyof SignUpInput;
export type FieldErrors = Partial<Record<SignUpField, string>>;
