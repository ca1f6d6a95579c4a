import { DomainError } from '@harbor/shared-kernel';

/*
 * Every error the catalog domain raises. Codes are stable: clients, tests and logs key on them; the handler
 * edge maps each kind to its HTTP status.
 */

interface FieldRule extends Record<string, unknown> {
  readonly field: string;
  readonly rule: string;
}

export class InvalidProduct extends DomainError {
  readonly code = 'CATALOG.INVALID_PRODUCT';
  readonly kind = 'invalid' as const;
  constructor(details: FieldRule, options?: ErrorOptions) {
    super(`${details.field} ${details.rule}`, details, options);
  }
}

export class ProductNotFound extends DomainError {
  readonly code = 'CATALOG.PRODUCT_NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor(details: { readonly sku: string }, options?: ErrorOptions) {
    super(`product ${details.sku} does not exist`, details, options);
  }
}

/** A retired SKU stays retired: a new product needs a new SKU, so old orders never change meaning. */
export class ProductIsRetired extends DomainError {
  readonly code = 'CATALOG.PRODUCT_RETIRED';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly sku: string }, options?: ErrorOptions) {
    super(`product ${details.sku} is retired and cannot be priced again`, details, options);
  }
}

/** Another write changed the product between this one's read and its write; the caller may retry. */
export class ConcurrentProductChange extends DomainError {
  readonly code = 'CATALOG.CONCURRENT_CHANGE';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly sku: string }, options?: ErrorOptions) {
    super(`product ${details.sku} was changed by another request; retry`, details, options);
  }
}
