import { DomainError } from '@harbor/shared-kernel';

/*
 * Errors of the inventory application layer: what its ports promise to raise. None reaches a client: they come
 * from event consumers, which absorb the duplicates and let the retryable ones through for the bus to retry.
 */

/** The event was handled before (its marker is stored): a redelivery, to be absorbed. */
export class EventAlreadyProcessed extends DomainError {
  readonly code = 'INVENTORY.EVENT_ALREADY_PROCESSED';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly eventId: string }, options?: ErrorOptions) {
    super(`Event ${details.eventId} was already processed`, details, options);
  }
}

/** The order already has a reservation (reserved, rejected, released or voided): nothing was written. */
export class ReservationAlreadyRecorded extends DomainError {
  readonly code = 'INVENTORY.RESERVATION_EXISTS';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly orderId: string }, options?: ErrorOptions) {
    super(`Order ${details.orderId} already has a reservation`, details, options);
  }
}

/** At least one line's stock could not serve it when the transaction ran: nothing was reserved. */
export class StockShortfall extends DomainError {
  readonly code = 'INVENTORY.STOCK_SHORTFALL';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly orderId: string; readonly skus: readonly string[] }, options?: ErrorOptions) {
    super(`Stock for order ${details.orderId} is short on ${details.skus.join(', ')}`, details, options);
  }
}

/** The reservation or its stock changed since it was read (or a concurrent transaction won): retry. */
export class ConcurrentInventoryChange extends DomainError {
  readonly code = 'INVENTORY.CONCURRENT_CHANGE';
  readonly kind = 'conflict' as const;
  constructor(details: { readonly orderId: string }, options?: ErrorOptions) {
    super(`Inventory for order ${details.orderId} changed concurrently; retry`, details, options);
  }
}
