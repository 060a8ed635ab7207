'use client';

import { useRouter } from 'next/navigation';
import { SetPinForm } from './set-pin-form';

/** The set-up form of /me/payment-pin: back to the flow that sent the person here, or the page again. */
export function SetPinThenContinue({ next }: { next: string | null }) {
  const router = useRouter();
  return (
    <SetPinForm
      onDone={() => {
        if (next) router.push(next);
        else router.refresh();
      }}
    />
  );
}
