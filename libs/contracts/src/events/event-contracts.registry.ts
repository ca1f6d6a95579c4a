import { ProductPriced } from '../catalog/product-priced.event';
import { ProductRetired } from '../catalog/product-retired.event';
import { OrderCancelled } from '../orders/order-cancelled.event';
import { OrderConfirmed } from '../orders/order-confirmed.event';
import { OrderExpired } from '../orders/order-expired.event';
import { OrderPaid } from '../orders/order-paid.event';
import { OrderPlaced } from '../orders/order-placed.event';
import { OrderRejected } from '../orders/order-rejected.event';
import { OrderStatusChanged } from '../orders/order-status-changed.event';
import { PaymentRefundRequired } from '../orders/payment-refund-required.event';
import { StockRejected } from '../inventory/stock-rejected.event';
import { StockReserved } from '../inventory/stock-reserved.event';
import type { EventContract } from './define-event';
import type { EventEnvelope } from './event-envelope';

/**
 * Every event any service publishes. Filter policies, event patterns and the AsyncAPI document are derived
 * from this list, so a service adds its events here.
 */
export const eventContracts = [
  OrderPlaced,
  OrderCancelled,
  OrderConfirmed,
  OrderRejected,
  OrderPaid,
  OrderExpired,
  PaymentRefundRequired,
  OrderStatusChanged,
  StockReserved,
  StockRejected,
  ProductPriced,
  ProductRetired,
] as const satisfies readonly EventContract[];

export type RegisteredEventContract = (typeof eventContracts)[number];

export function findEventContract(eventType: string, version: number): EventContract | undefined {
  return eventContracts.find((contract) => contract.name === eventType && contract.version === version);
}

/** Validates any incoming envelope against its registered contract; an unregistered event fails loudly. */
export function parseEventEnvelope(input: unknown): EventEnvelope {
  const { eventType, version } = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const contract =
    typeof eventType === 'string' && typeof version === 'number' ? findEventContract(eventType, version) : undefined;
  if (!contract) {
    throw new Error(
      `No event contract is registered for eventType ${JSON.stringify(eventType)} version ${JSON.stringify(version)}`,
    );
  }
  return contract.envelopeSchema.parse(input);
}
