import { DomainError } from '@harbor/shared-kernel';

/*
 * Every error the orders domain raises. Codes are stable: clients and tests key on them. Invariant
 * violations are 'unprocessable' and name the offending field (`details.field`, e.g. `lines[3].quantity`).
 */

interface FieldDetails extends Record<string, unknown> {
  readonly field: string;
}

export class InvalidSku extends DomainError {
  readonly code = 'ORDER.INVALID_SKU';
  readonly kind = 'unprocessable' as const;
  constructor(details: FieldDetails, options?: ErrorOptions) {
    super(
      `${details.field} must be 2-32 characters of A-Z, 0-9 or "-", starting with a letter or digit`,
      details,
      options,
    );
  }
}

export class InvalidMoney extends DomainError {
  readonly code = 'ORDER.INVALID_MONEY';
  readonly kind = 'unprocessable' as const;
  constructor(details: FieldDetails & { readonly rule: string }, options?: ErrorOptions) {
    super(`${details.field} ${details.rule}`, details, options);
  }
}

export class MoneyOverflow extends DomainError {
  readonly code = 'ORDER.MONEY_OVERFLOW';
  readonly kind = 'unprocessable' as const;
  constructor(details: { readonly operation: string }, options?: ErrorOptions) {
    super(`${details.operation} exceeds the largest amount that can be represented exactly`, details, options);
  }
}

export class QuantityOutOfRange extends DomainError {
  readonly code = 'ORDER.QUANTITY_OUT_OF_RANGE';
  readonly kind = 'unprocessable' as const;
  constructor(details: FieldDetails & { readonly min: number; readonly max: number }, options?: ErrorOptions) {
    super(`${details.field} must be an integer from ${details.min} to ${details.max}`, details, options);
  }
}

export class OrderLineCountOutOfRange extends DomainError {
  readonly code = 'ORDER.LINE_COUNT';
  readonly kind = 'unprocessable' as const;
  constructor(
    details: FieldDetails & { readonly min: number; readonly max: number; readonly count: number },
    options?: ErrorOptions,
  ) {
    super(`${details.field} must hold ${details.min} to ${details.max} lines, got ${details.count}`, details, options);
  }
}

export class DuplicateSku extends DomainError {
  readonly code = 'ORDER.DUPLICATE_SKU';
  readonly kind = 'unprocessable' as const;
  constructor(details: FieldDetails & { readonly sku: string }, options?: ErrorOptions) {
    super(`${details.field} repeats SKU ${details.sku}: an order holds one line per SKU`, details, options);
  }
}

export class MixedCurrencies extends DomainError {
  readonly code = 'ORDER.MIXED_CURRENCIES';
  readonly kind = 'unprocessable' as const;
  constructor(details: FieldDetails & { readonly expected: string; readonly actual: string }, options?: ErrorOptions) {
    super(
      `${details.field} is ${details.actual}, but the order is in ${details.expected}: one currency per order`,
      details,
      options,
    );
  }
}

export class InvalidOrderId extends DomainError {
  readonly code = 'ORDER.INVALID_ORDER_ID';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails, options?: ErrorOptions) {
    super(`${details.field} must be a UUID`, details, options);
  }
}

export class InvalidCustomerId extends DomainError {
  readonly code = 'ORDER.INVALID_CUSTOMER_ID';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails & { readonly maxLength: number }, options?: ErrorOptions) {
    super(`${details.field} must be a non-empty string of at most ${details.maxLength} characters`, details, options);
  }
}

export class InvalidPaymentId extends DomainError {
  readonly code = 'ORDER.INVALID_PAYMENT_ID';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails, options?: ErrorOptions) {
    super(`${details.field} must be a non-empty string`, details, options);
  }
}

export class InvalidRejectionReasons extends DomainError {
  readonly code = 'ORDER.INVALID_REJECTION_REASONS';
  readonly kind = 'invalid' as const;
  constructor(details: FieldDetails, options?: ErrorOptions) {
    super(`${details.field} must hold at least one reason, each naming a SKU and a non-empty reason`, details, options);
  }
}

export class IllegalOrderTransition extends DomainError {
  readonly code = 'ORDER.ILLEGAL_TRANSITION';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly from: string; readonly to: string }, options?: ErrorOptions) {
    super(`An order that is ${details.from} cannot become ${details.to}`, details, options);
  }
}

/** A payment whose amount or currency is not the order's total: the order is not marked paid. */
export class PaymentAmountMismatch extends DomainError {
  readonly code = 'ORDER.PAYMENT_AMOUNT_MISMATCH';
  readonly kind = 'unprocessable' as const;
  constructor(
    details: { readonly orderId: string; readonly paid: string; readonly total: string },
    options?: ErrorOptions,
  ) {
    super(
      `Payment of ${details.paid} does not match order ${details.orderId}'s total of ${details.total}`,
      details,
      options,
    );
  }
}

/** The order is already paid by another payment: a second charge a person must refund. */
export class OrderAlreadyPaid extends DomainError {
  readonly code = 'ORDER.ALREADY_PAID';
  readonly kind = 'conflict' as const;
  constructor(
    details: { readonly orderId: string; readonly paymentId: string; readonly paidBy: string },
    options?: ErrorOptions,
  ) {
    super(
      `Order ${details.orderId} was already paid by ${details.paidBy}; payment ${details.paymentId} is a second charge`,
      details,
      options,
    );
  }
}

/**
 * A payment arrived before the stock reservation confirmed the order. Thrown (not acknowledged) so the
 * subscription's retries deliver it again once the order is CONFIRMED; retries are bounded, then dead-lettered.
 */
export class OrderAwaitingConfirmation extends DomainError {
  readonly code = 'ORDER.AWAITING_CONFIRMATION';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly orderId: string }, options?: ErrorOptions) {
    super(`Order ${details.orderId} is still PENDING: it can be paid once confirmed`, details, options);
  }
}

export class OrderNotFound extends DomainError {
  readonly code = 'ORDER.NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor(details: { readonly orderId: string }, options?: ErrorOptions) {
    super(`Order ${details.orderId} was not found`, details, options);
  }
}

/**
 * Stored data that is no longer a valid order. Not a DomainError on purpose: no client caused it, so the
 * handler edge answers a generic 500 and logs the cause instead of showing it.
 */
export class CorruptOrderSnapshot extends Error {
  readonly code = 'ORDER.CORRUPT_SNAPSHOT';
  constructor(orderId: string, options?: ErrorOptions) {
    super(`Stored order ${orderId} is not a valid order`, options);
    this.name = new.target.name;
  }
}
