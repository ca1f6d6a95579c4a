import { FixedClock } from '@harbor/shared-kernel/testing';
import { InMemoryInventory } from '../src/testing/in-memory-inventory';
import { SequentialIdGenerator } from '../src/testing/sequential-id-generator';

export const ORDER_ID = '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f';

/** The fakes every use-case spec runs on, freshly made. */
export function createFakes() {
  const inventory = new InMemoryInventory();
  return {
    inventory,
    stockRepository: inventory,
    reservationRepository: inventory,
    clock: new FixedClock('2025-03-01T10:00:00.000Z'),
    idGenerator: new SequentialIdGenerator(7),
  };
}

let events = 0;
/** An OrderPlaced as the consumer hands it over, with a fresh event id. */
export function orderPlaced(lines: { sku: string; quantity: number }[], orderId = ORDER_ID) {
  events += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(events).padStart(12, '0')}`,
    eventType: 'OrderPlaced',
    correlationId: 'req-1',
    orderId,
    lines,
  };
}

export function orderCancelled(orderId = ORDER_ID) {
  events += 1;
  return {
    eventId: `00000000-0000-4000-9000-${String(events).padStart(12, '0')}`,
    eventType: 'OrderCancelled',
    orderId,
  };
}
