// The store's own errors (it is an outside system: nothing of the wallet's error classes).
// Each has a literal `code`; the store's pages and actions turn codes into messages.

export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class StoreNotConfiguredError extends StoreError {
  readonly code = 'STORE_NOT_CONFIGURED' as const;
  constructor(what: string) {
    super(`The demo store is not configured: ${what} is missing`);
  }
}

export class StoreOrderNotFoundError extends StoreError {
  readonly code = 'STORE_ORDER_NOT_FOUND' as const;
  constructor(id: string) {
    super(`Store order ${id} not found`);
  }
}

export class StoreOrderNotPayableError extends StoreError {
  readonly code = 'STORE_ORDER_NOT_PAID' as const;
  constructor(status: string) {
    super(`Only a paid order can be shipped (this one is ${status})`);
  }
}

/** The wallet answered with an error (`{error:{code,message,field?}}`). */
export class WalletApiError extends StoreError {
  readonly code = 'WALLET_API_ERROR' as const;
  constructor(
    readonly status: number,
    readonly walletCode: string,
    message: string,
    readonly field?: string,
  ) {
    super(`Wallet API ${status} ${walletCode}: ${message}`);
  }
}

/** No answer from the wallet (network error, timeout, or a body that is not the contract). */
export class WalletUnreachableError extends StoreError {
  readonly code = 'WALLET_UNREACHABLE' as const;
}

export type StoreErrorCode =
  | StoreNotConfiguredError['code']
  | StoreOrderNotFoundError['code']
  | StoreOrderNotPayableError['code']
  | WalletApiError['code']
  | WalletUnreachableError['code'];
