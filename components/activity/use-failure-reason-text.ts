import { useTranslations } from 'next-intl';
import { failureReasonMessage } from './failure-reason';

/** A failure code as a sentence in the person's language. */
export function useFailureReasonText(): (code: string | null) => string {
  const t = useTranslations('operation.failureReasons');
  return (code) => {
    const message = failureReasonMessage(code);
    return message.key === 'OTHER' ? t('OTHER', { code: message.code }) : t(message.key);
  };
}
