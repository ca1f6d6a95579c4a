import { Order, type OrderLineData } from '@harbor/orders-domain';
import { toOrderOutbox } from '../order-outbox';
import type { Clock } from '../ports/clock.port';
import type { IdGenerator } from '../ports/id-generator.port';
import type { OrderRepository } from '../ports/order.repository.port';
import type { RequestContext } from '../request-context';

/** The caller places an order for themselves; the owner comes from the context, never the body. */
export interface PlaceOrderCommand {
  readonly lines: readonly OrderLineData[];
}

export interface PlaceOrderDependencies {
  readonly orderRepository: OrderRepository;
  readonly clock: Clock;
  readonly idGenerator: IdGenerator;
}

export class PlaceOrder {
  constructor(private readonly deps: PlaceOrderDependencies) {}

  /** Stores the new order with its OrderPlaced and OrderStatusChanged (PENDING) events (outbox) in one write. */
  async execute(command: PlaceOrderCommand, context: RequestContext): Promise<Order> {
    const { orderRepository, clock, idGenerator } = this.deps;
    const now = clock.now();
    const order = Order.place({ id: idGenerator.newId(), customerId: context.customerId, lines: command.lines, now });
    const outbox = toOrderOutbox(order, undefined, { idGenerator, occurredAt: now, correlationId: context.correlationId });
    await orderRepository.create(order, outbox);
    return order;
  }
}
