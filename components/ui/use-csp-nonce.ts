'use client';

import { useState } from 'react';

/**
 * This page's CSP nonce, for client components that add a <style> or <script> of their own
 * (input-otp does). The browser hides the nonce attribute from the DOM but keeps the
 * property readable by scripts, and every script Next renders carries it (proxy.ts).
 */
export function useCspNonce(): string | undefined {
  const [nonce] = useState(() =>
    typeof document === 'undefined'
      ? undefined
      : document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || undefined,
  );
  return nonce;
}
