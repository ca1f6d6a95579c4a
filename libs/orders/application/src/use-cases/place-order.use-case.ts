import { Order } from '@harbor/orders-domain';
import { OrderAlreadyExists, RequestKeyReused } from '../errors';
import { orderRequestName } from '../order-request-name';
import { toOrderOutbox } from '../order-outbox';
import { priceLines, type RequestedLine } from '../pricing';
import type { CatalogPrices } from '../ports/catalog-prices.port';
import type { Clock } from '@harbor/shared-kernel';
import type { IdGenerator } from '../ports/id-generator.port';
import type { OrderRepository } from '../ports/order.repository.port';
import type { RequestContext } from '../request-context';

/** The caller places an order for themselves; the owner comes from the context, never the body. */
export interface PlaceOrderCommand {
  /** The currency the order is priced and paid in. */
  readonly currency: string;
  /** What the customer asks for; each line is priced from orders' copy of the catalog, never by the client. */
  readonly lines: readonly RequestedLine[];
  /**
   * The request's idempotency key: the order id is derived from it (and the caller), so a retry that runs again
   * after the first run timed out but committed finds the stored order instead of placing a second one.
   */
  readonly requestKey?: string;
}

export interface PlaceOrderDependencies {
  readonly orderRepository: OrderRepository;
  readonly clock: Clock;
  readonly idGenerator: IdGenerator;
  readonly catalogPrices: CatalogPrices;
  /** How many open (placed or confirmed, unpaid) orders one customer may hold at once; default 5. */
  readonly maxOpenOrders?: number;
}

export const DEFAULT_MAX_OPEN_ORDERS = 5;

export class PlaceOrder {
  constructor(private readonly deps: PlaceOrderDependencies) {}

  /**
   * Prices the lines from the catalog's copy (a SKU it cannot price → SkusNotOrderable, nothing written), then
   * stores the new order, with the prices it used, and its OrderPlaced and OrderStatusChanged (PENDING) events
   * (outbox) in one write.
   */
  async execute(command: PlaceOrderCommand, context: RequestContext): Promise<Order> {
    const { orderRepository, clock, idGenerator } = this.deps;
    const lines = await priceLines(command.lines, command.currency, this.deps.catalogPrices);
    const now = clock.now();
    const id =
      command.requestKey === undefined
        ? idGenerator.newId()
        : idGenerator.idFor(orderRequestName(context.customerId, command.requestKey));
    const order = Order.place({ id, customerId: context.customerId, lines, now });
    const outbox = toOrderOutbox(order, undefined, {
      idGenerator,
      occurredAt: now,
      correlationId: context.correlationId,
    });
    try {
      await orderRepository.create(order, outbox, {
        maxOpenOrders: this.deps.maxOpenOrders ?? DEFAULT_MAX_OPEN_ORDERS,
      });
      return order;
    } catch (error) {
      if (!(error instanceof OrderAlreadyExists) || command.requestKey === undefined) throw error;
      // This request ran before and committed: answer with what it stored, and write nothing again.
      const stored = await orderRepository.findById(order.id);
      if (!stored) throw error;
      // Only the same caller's same request is a replay; anything else reused the key (or hit a colliding id).
      if (!isSameRequest(stored, order)) throw new RequestKeyReused(undefined, { cause: error });
      return stored;
    }
  }
}

/** What the customer asked for: SKUs, quantities and currency. Prices are left out, as they may have changed since. */
const lineKey = (order: Order): string =>
  JSON.stringify(order.lines.map((line) => [line.sku.value, line.quantity.value, line.unitPrice.currency]));

function isSameRequest(stored: Order, placed: Order): boolean {
  return stored.customerId.value === placed.customerId.value && lineKey(stored) === lineKey(placed);
}
