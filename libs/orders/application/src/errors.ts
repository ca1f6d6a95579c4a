import { DomainError } from '@harbor/shared-kernel';

/*
 * Errors of the orders application layer: what its ports promise to raise, and what its use cases refuse.
 * Domain invariants live in @harbor/orders-domain.
 */

/** The order changed since it was loaded (its stored version moved on); reload and retry. */
export class ConcurrentOrderModification extends DomainError {
  readonly code = 'ORDER.CONCURRENT_MODIFICATION';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly orderId: string; readonly expectedVersion: number }, options?: ErrorOptions) {
    super(
      `Order ${details.orderId} was changed by someone else (expected version ${details.expectedVersion}); reload and retry`,
      details,
      options,
    );
  }
}

/** An order with this id is already stored. */
export class OrderAlreadyExists extends DomainError {
  readonly code = 'ORDER.ALREADY_EXISTS';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly orderId: string }, options?: ErrorOptions) {
    super(`Order ${details.orderId} already exists`, details, options);
  }
}

export class InvalidPageLimit extends DomainError {
  readonly code = 'ORDER.INVALID_PAGE_LIMIT';
  readonly kind = 'invalid' as const;
  constructor(details: { readonly field: string; readonly min: number; readonly max: number }, options?: ErrorOptions) {
    super(`${details.field} must be an integer from ${details.min} to ${details.max}`, details, options);
  }
}

/** A page cursor (the API's `nextToken`) that this service did not issue, or that was altered. */
export class InvalidPageCursor extends DomainError {
  readonly code = 'ORDER.INVALID_NEXT_TOKEN';
  readonly kind = 'invalid' as const;
  constructor(details: { readonly field: string } = { field: 'nextToken' }, options?: ErrorOptions) {
    super(`${details.field} is not a token this API issued`, details, options);
  }
}

/**
 * The Idempotency-Key was used before for another request (other lines, or another caller): the stored order is
 * not answered, nothing is written. The same code as the API's own reused-key refusal.
 */
export class RequestKeyReused extends DomainError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  readonly kind = 'unprocessable' as const;
  constructor(details: { readonly field: string } = { field: 'Idempotency-Key' }, options?: ErrorOptions) {
    super(`This ${details.field} was already used with a different request`, details, options);
  }
}

/** The customer already holds the most open (placed or confirmed, unpaid) orders allowed at once. */
export class OpenOrderLimitReached extends DomainError {
  readonly code = 'ORDER.OPEN_ORDER_LIMIT_REACHED';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly customerId: string; readonly limit: number }, options?: ErrorOptions) {
    super(
      `Customer ${details.customerId} already has ${details.limit} open orders: pay or cancel one before placing another`,
      details,
      options,
    );
  }
}

export type UnorderableReason = 'UNKNOWN_SKU' | 'RETIRED' | 'NOT_PRICED_IN_CURRENCY';

/** Lines orders cannot price: a SKU the catalog never priced, one it retired, or one with no price in the order's currency. */
export class SkusNotOrderable extends DomainError {
  readonly code = 'ORDER.SKU_NOT_ORDERABLE';
  readonly kind = 'unprocessable' as const;
  constructor(
    details: {
      readonly currency: string;
      readonly skus: readonly { readonly field: string; readonly sku: string; readonly reason: UnorderableReason }[];
    },
    options?: ErrorOptions,
  ) {
    super(
      `Not orderable in ${details.currency}: ${details.skus.map(({ sku, reason }) => `${sku} (${reasonText[reason]})`).join(', ')}`,
      details,
      options,
    );
  }
}

const reasonText: Record<UnorderableReason, string> = {
  UNKNOWN_SKU: 'not in the catalog',
  RETIRED: 'retired',
  NOT_PRICED_IN_CURRENCY: 'no price in this currency',
};
