import {
  IllegalOrderTransition,
  OrderAlreadyPaid,
  OrderId,
  PaymentAmountMismatch,
  type Order,
} from '@harbor/orders-domain';
import type { DomainError } from '@harbor/shared-kernel';
import type { EventContext } from '../event-context';
import { toOrderOutbox } from '../order-outbox';
import type { Clock } from '@harbor/shared-kernel';
import type { IdGenerator } from '../ports/id-generator.port';
import type { OrderRepository } from '../ports/order.repository.port';

/**
 * What a consumer did with an event. `ignored` events are acknowledged and logged, never retried: no retry can
 * make them apply (an unknown order, an illegal transition, a mismatched payment).
 */
export type OrderEventOutcome =
  | { readonly kind: 'applied'; readonly order: Order }
  | { readonly kind: 'already-applied'; readonly order: Order }
  | { readonly kind: 'ignored'; readonly code: string; readonly reason: string };

export interface OrderEventDependencies {
  readonly orderRepository: OrderRepository;
  readonly clock: Clock;
  readonly idGenerator: IdGenerator;
}

export interface OrderEventStep {
  /** True when this event's effect is already stored (a redelivery): nothing is written again. */
  alreadyApplied(order: Order): boolean;
  /** Changes the order through its own methods, which throw the domain error of a rule the event breaks. */
  apply(order: Order, now: Date): void;
}

/**
 * The refusals no retry can change (an illegal transition, a second or mismatched payment): the event is
 * acknowledged as `ignored` and nothing is written. Any other error is thrown, so the event is retried.
 */
const FINAL_REFUSALS = [IllegalOrderTransition, OrderAlreadyPaid, PaymentAmountMismatch] as const;

const ignored = (error: DomainError): OrderEventOutcome => ({
  kind: 'ignored',
  code: error.code,
  reason: error.message,
});

/**
 * Applies one incoming event to one order, idempotently: a redelivered event finds its effect stored and
 * writes nothing; a concurrent change (ConcurrentOrderModification) is thrown so the event is retried and
 * re-read. The order and its outbox are written together on the version read.
 */
export async function applyOrderEvent(
  deps: OrderEventDependencies,
  orderId: string,
  context: EventContext,
  step: OrderEventStep,
): Promise<OrderEventOutcome> {
  const { orderRepository, clock, idGenerator } = deps;
  const order = await orderRepository.findById(OrderId.create(orderId));
  if (!order) return { kind: 'ignored', code: 'ORDER.NOT_FOUND', reason: `Order ${orderId} was not found` };
  if (step.alreadyApplied(order)) return { kind: 'already-applied', order };
  const previousStatus = order.status;
  const now = clock.now();
  try {
    step.apply(order, now);
  } catch (error) {
    const refusal = FINAL_REFUSALS.find((final) => error instanceof final);
    if (refusal) return ignored(error as DomainError);
    throw error;
  }
  const outbox = toOrderOutbox(order, previousStatus, { idGenerator, occurredAt: now, ...context });
  await orderRepository.save(order, outbox);
  return { kind: 'applied', order };
}
