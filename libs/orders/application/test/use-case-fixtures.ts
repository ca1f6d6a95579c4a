import type { OrderLineData } from '@harbor/orders-domain';
import type { RequestContext } from '../src/request-context';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { InMemoryCatalogPrices } from '../src/testing/in-memory-catalog-prices';
import { InMemoryOrderRepository } from '../src/testing/in-memory-order.repository';
import type { PlaceOrderCommand } from '../src/use-cases/place-order.use-case';
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
    catalogPrices: new InMemoryCatalogPrices(),
    paymentDeadlines,
    paymentWindow: { seconds: 900, deadlines: paymentDeadlines },
  };
}

/**
 * The command for an order of these lines: the catalog is first given each line's price (so the order is priced as
 * the line says), and the command carries only SKUs and quantities, as a client's request does.
 */
export async function placeCommand(
  fakes: { readonly catalogPrices: InMemoryCatalogPrices },
  lines: readonly OrderLineData[],
  extra: Partial<PlaceOrderCommand> = {},
): Promise<PlaceOrderCommand> {
  for (const line of lines)
    await fakes.catalogPrices.price(line.sku, { [line.unitPrice.currency]: line.unitPrice.amountMinor });
  return {
    currency: lines[0]?.unitPrice.currency ?? 'EUR',
    lines: lines.map(({ sku, quantity }) => ({ sku, quantity })),
    ...extra,
  };
}
