// Filters of admin list pages are parsed on the server; a bad value becomes a message key
// under its field and that filter is left out, so the page still shows something.
import { DomainError } from '@/ledger';

export type FieldErrorKey = 'invalidDate' | 'dateOrder' | 'tooLong' | 'invalidId' | 'invalidAmount' | 'invalidEmail';
export type FieldErrors = Record<string, FieldErrorKey>;

/** Runs `parse`; on a domain error names the field (or `fallbackField`) and returns undefined. */
export function tryParse<T>(
  errors: FieldErrors,
  fallbackField: string,
  key: FieldErrorKey,
  parse: () => T,
): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors[error.field ?? fallbackField] = key;
    return undefined;
  }
}
