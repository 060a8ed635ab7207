'use client';

import { CircleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import type { ActionError } from '@/app/actions/action-result';
import { Card } from '@/components/ui/card';
import { useActionErrorText } from '@/components/wallet/use-action-error-text';

/** Why a pay link cannot be paid (own code, reset code, paid or expired request …), and what to do. */
export function PayLinkNotice({
  title,
  text,
  error,
  testId,
  children,
}: {
  title: string;
  text?: string;
  error?: ActionError;
  testId?: string;
  children?: ReactNode;
}) {
  const errorText = useActionErrorText();
  return (
    <Card className="flex flex-col items-center gap-3 text-center" data-testid={testId}>
      <CircleAlert aria-hidden className="size-12 text-gray-400" />
      <h2 className="text-lg font-semibold text-gray-900">{title}</h2>
      <p role="status" className="text-gray-700">
        {error ? errorText(error) : text}
      </p>
      {children}
    </Card>
  );
}
