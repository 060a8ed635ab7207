'use server';

import { db } from '@/server/db';
import { signUp, type SignUpResult } from '@/server/auth/sign-up';

export async function signUpAction(form: FormData): Promise<SignUpResult> {
  return signUp(db(), {
    email: form.get('email'),
    displayName: form.get('displayName'),
    password: form.get('password'),
  });
}
