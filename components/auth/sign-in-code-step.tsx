'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { requestSignInCodeAction } from '@/app/actions/sign-in-code';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

const RESEND_AFTER_SECONDS = 60;

type Props = {
  /** Reads the email typed above, when the code is asked for. */
  emailOf: () => string;
  challengeId: string | null;
  onChallenge: (challengeId: string) => void;
  onError: (message: string) => void;
};

/**
 * The second step of signing in after repeated failures on the account: "send me a code"
 * mails a one-time code to the address (if it has an account; the answer is the same
 * either way), then the code goes with the password.
 */
export function SignInCodeStep({ emailOf, challengeId, onChallenge, onError }: Props) {
  const t = useTranslations('auth');
  const [sending, setSending] = useState(false);
  const [waitSeconds, setWaitSeconds] = useState(0);

  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = setTimeout(() => setWaitSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [waitSeconds]);

  async function send() {
    setSending(true);
    const form = new FormData();
    form.set('email', emailOf());
    const result = await requestSignInCodeAction(form);
    setSending(false);
    if (result.ok) {
      onChallenge(result.challengeId);
      setWaitSeconds(RESEND_AFTER_SECONDS);
    } else if (result.reason === 'RATE_LIMITED') {
      onError(t('errors.RATE_LIMITED', { minutes: Math.ceil(result.retryAfterSeconds / 60) }));
    } else {
      onError(t('errors.emailInvalid'));
    }
  }

  return (
    <div
      className="flex flex-col gap-3 rounded-lg border border-brand-100 bg-brand-50/40 p-3"
      data-testid="sign-in-code-step"
    >
      <p className="text-sm text-gray-700">{t('code.why')}</p>
      {challengeId ? (
        <>
          <p className="text-sm text-gray-600" role="status">
            {t('code.sent')}
          </p>
          <TextField
            label={t('code.label')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
          />
        </>
      ) : null}
      <Button variant="secondary" onClick={send} disabled={sending || waitSeconds > 0}>
        {sending
          ? t('code.sending')
          : waitSeconds > 0
            ? t('code.resendIn', { seconds: waitSeconds })
            : challengeId
              ? t('code.resend')
              : t('code.send')}
      </Button>
    </div>
  );
}
