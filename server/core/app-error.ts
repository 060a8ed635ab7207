// Base of the wallet's own domain errors. Its `code` must be one of the registry's
// (server/core/error-registry.ts), so a code without an HTTP status and words in both
// languages does not compile. Extending the ledger's DomainError directly is refused by the lint.
import { DomainError } from '@/ledger';
import type { ErrorCode } from './error-registry';

export abstract class AppError extends DomainError {
  abstract override readonly code: ErrorCode;
}
