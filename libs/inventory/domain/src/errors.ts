import { DomainError } from '@harbor/shared-kernel';

/*
 * Every error the inventory domain raises. Codes are stable: clients and tests key on them. Each names the
 * offending field (`details.field`, e.g. `lines[2].quantity`).
 */

interface FieldDetails extends Record<string, unknown> {
  readonly field: string;
}

export class InvalidSku extends DomainError {
  readonly code = 'INVENTORY.INVALID_SKU';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails, options?: ErrorOptions) {
    super(
      `${details.field} must be 2-32 characters of A-Z, 0-9 or "-", starting with a letter or digit`,
      details,
      options,
    );
  }
}

export class InvalidStockCount extends DomainError {
  readonly code = 'INVENTORY.INVALID_COUNT';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails & { readonly min: number; readonly max: number }, options?: ErrorOptions) {
    super(`${details.field} must be an integer from ${details.min} to ${details.max}`, details, options);
  }
}

export class InvalidReservationLines extends DomainError {
  readonly code = 'INVENTORY.INVALID_LINES';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails & { readonly rule: string }, options?: ErrorOptions) {
    super(`${details.field} ${details.rule}`, details, options);
  }
}

export class InvalidOrderId extends DomainError {
  readonly code = 'INVENTORY.INVALID_ORDER_ID';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails, options?: ErrorOptions) {
    super(`${details.field} must be a UUID`, details, options);
  }
}

export class StockItemNotFound extends DomainError {
  readonly code = 'INVENTORY.SKU_NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor(details: { readonly sku: string }, options?: ErrorOptions) {
    super(`No stock is recorded for SKU ${details.sku}`, details, options);
  }
}

/** More units asked of a stock item than it has (available to reserve, or reserved to release). */
export class StockCountExceeded extends DomainError {
  readonly code = 'INVENTORY.COUNT_EXCEEDED';
  readonly kind = 'conflict' as const;
  constructor(
    details: {
      readonly sku: string;
      readonly operation: 'reserve' | 'release';
      readonly quantity: number;
      readonly has: number;
    },
    options?: ErrorOptions,
  ) {
    super(
      `Cannot ${details.operation} ${details.quantity} of ${details.sku}: only ${details.has} there`,
      details,
      options,
    );
  }
}

/**
 * Stored data that is no longer valid inventory. Not a DomainError on purpose: no client caused it, so the
 * handler edge answers a generic 500 and logs the cause instead of showing it.
 */
export class CorruptInventoryRecord extends Error {
  readonly code = 'INVENTORY.CORRUPT_RECORD';
  constructor(what: string, options?: ErrorOptions) {
    super(`Stored ${what} is not valid inventory data`, options);
    this.name = new.target.name;
  }
}
