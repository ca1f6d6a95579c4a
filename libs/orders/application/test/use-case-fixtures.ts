import type { OrderLineData } from '@harbor/orders-domain';
import type { RequestContext } from '../src/request-context';
import { FixedClock } from '@harbor/shared-kernel';
import { InMemoryOrderRepository } from '../src/testing/in-memory-order.repository';
import { InMemoryPaymentDeadlines } from '../src/testing/in-memory-payment-deadlines';
import { SequentialIdGenerator } from '../src/testing/sequential-id-generator';

export const alice: RequestContext = { customerId: 'alice', correlationId: 'req-alice-1' };
export const bob: RequestContext = { customerId: 'bob', correlationId: 'req-bob-1' };

export function line(sku: string, quantity = 1, amountMinor = 1000): OrderLineData {
  return { sku, quantity, unitPrice: { amountMinor, currency: 'EUR' } };
}

/** The fakes every use-case spec runs on, freshly made. */
export function createFakes() {
  const paymentDeadlines = new InMemoryPaymentDeadlines();
  return {
    orderRepository: new InMemoryOrderRepository(),
    clock: new FixedClock('2025-03-01T10:00:00.000Z'),
    idGenerator: new SequentialIdGenerator(),
    paymentDeadlines,
    paymentWindow: { seconds: 900, deadlines: paymentDeadlines },
  };
}
