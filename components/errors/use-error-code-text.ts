'use client';

import { useTranslations } from 'next-intl';
import type { ErrorCode } from '@/server/core/error-registry';
import type en from '@/messages/errors/en.json';
import type zhCN from '@/messages/errors/zh-CN.json';

// Every registered code has words in both languages: a code missing from either file fails
// `npm run typecheck` here ("Property 'SOME_CODE' is missing"), and so does a stale key.
type WordsFor<Texts extends Record<ErrorCode, string> & Record<Exclude<keyof Texts, ErrorCode>, never>> = Texts;
export type ErrorCodeWords = WordsFor<typeof zhCN.errorCodes> | WordsFor<typeof en.errorCodes>;

/** An error code's own sentence in the person's language (messages/errors). */
export function useErrorCodeText(): (code: ErrorCode) => string {
  const t = useTranslations('errorCodes');
  return (code) => t(code);
}
