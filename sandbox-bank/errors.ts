// The bank's errors: classes with a literal code and the HTTP status API.md gives them,
// mapped to a response in one place (api/error-response.ts).

export abstract class SandboxBankError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

export class BadSignatureError extends SandboxBankError {
  readonly code = 'BAD_SIGNATURE';
  readonly httpStatus = 401;
}

export class MalformedRequestError extends SandboxBankError {
  readonly code = 'MALFORMED_REQUEST';
  readonly httpStatus = 400;
}

export class InvalidFieldError extends SandboxBankError {
  readonly code = 'INVALID_FIELD';
  readonly httpStatus = 422;
  constructor(field: string, message: string) {
    super(message, field);
  }
}

export class RequestNotFoundError extends SandboxBankError {
  readonly code = 'REQUEST_NOT_FOUND';
  readonly httpStatus = 404;
}

export class AccountNotFoundError extends SandboxBankError {
  readonly code = 'ACCOUNT_NOT_FOUND';
  readonly httpStatus = 404;
  constructor(message = 'no such open account at this bank') {
    super(message, 'account_number');
  }
}

export class RouteNotFoundError extends SandboxBankError {
  readonly code = 'NOT_FOUND';
  readonly httpStatus = 404;
}

export class MethodNotAllowedError extends SandboxBankError {
  readonly code = 'METHOD_NOT_ALLOWED';
  readonly httpStatus = 405;
  /** What the endpoint serves, for the Allow header (RFC 9110 requires it on a 405). */
  readonly allowedMethods: readonly string[];
  constructor(allowedMethods: readonly string[]) {
    super(`use ${allowedMethods.join(' or ')}`);
    this.allowedMethods = allowedMethods;
  }
}

export class ReferenceConflictError extends SandboxBankError {
  readonly code = 'REFERENCE_CONFLICT';
  readonly httpStatus = 409;
  constructor() {
    super('this reference was already used with another request body', 'reference');
  }
}

/** The ERROR_500 fault: the bank "breaks" on purpose and does nothing. */
export class SandboxFaultError extends SandboxBankError {
  readonly code = 'SANDBOX_FAULT';
  readonly httpStatus = 500;
  constructor() {
    super('sandbox fault ERROR_500: the bank did nothing');
  }
}

/**
 * A card binding whose details do not all match an open account. One answer whichever field
 * is wrong (number, name, ID number or phone), so that nobody can probe them one at a time.
 */
export class DetailsNotVerifiedError extends SandboxBankError {
  readonly code = 'DETAILS_NOT_VERIFIED';
  readonly httpStatus = 422;
  constructor() {
    super('the bank could not verify these details');
  }
}

export class BindingNotFoundError extends SandboxBankError {
  readonly code = 'BINDING_NOT_FOUND';
  readonly httpStatus = 404;
  constructor() {
    super('no such card binding');
  }
}

/** The operator's routes (faults) without a valid Bank-Operator-Signature. */
export class OperatorSignatureError extends SandboxBankError {
  readonly code = 'BAD_OPERATOR_SIGNATURE';
  readonly httpStatus = 401;
}
