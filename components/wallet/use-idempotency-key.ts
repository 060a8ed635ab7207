'use client';

import { useCallback, useState } from 'react';

/**
 * One idempotency key per attempt at a money action: made when the form appears, sent with
 * every submit of it, so a double click or a retried request moves money once. `renew`
 * starts a new attempt (after the person changes what they asked for).
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return [key, renew];
}
