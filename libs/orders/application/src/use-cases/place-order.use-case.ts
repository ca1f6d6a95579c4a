import { Order, type OrderLineData } from '@harbor/orders-domain';
import { OrderAlreadyExists, RequestKeyReused } from '../errors';
import { orderRequestName } from '../order-request-name';
import { toOrderOutbox } from '../order-outbox';
import type { Clock } from '../ports/clock.port';
import type { IdGenerator } from '../ports/id-generator.port';
import type { OrderRepository } from '../ports/order.repository.port';
import type { RequestContext } from '../request-context';

/** The caller places an order for themselves; the owner comes from the context, never the body. */
export interface PlaceOrderCommand {
  readonly lines: readonly OrderLineData[];
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
  /** How many open (placed or confirmed, unpaid) orders one customer may hold at once; default 5. */
  readonly maxOpenOrders?: number;
}

export const DEFAULT_MAX_OPEN_ORDERS = 5;

export class PlaceOrder {
  constructor(private readonly deps: PlaceOrderDependencies) {}

  /** Stores the new order with its OrderPlaced and OrderStatusChanged (PENDING) events (outbox) in one write. */
  async execute(command: PlaceOrderCommand, context: RequestContext): Promise<Order> {
    const { orderRepository, clock, idGenerator } = this.deps;
    const now = clock.now();
    const id = command.requestKey === undefined ? idGenerator.newId() : idGenerator.idFor(orderRequestName(context.customerId, command.requestKey));
    const order = Order.place({ id, customerId: context.customerId, lines: command.lines, now });
    const outbox = toOrderOutbox(order, undefined, { idGenerator, occurredAt: now, correlationId: context.correlationId });
    try {
      await orderRepository.create(order, outbox, { maxOpenOrders: this.deps.maxOpenOrders ?? DEFAULT_MAX_OPEN_ORDERS });
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

const lineKey = (order: Order): string => JSON.stringify(order.lines.map((line) => line.toData()));

function isSameRequest(stored: Order, placed: Order): boolean {
  return stored.customerId.value === placed.customerId.value && lineKey(stored) === lineKey(placed);
}
