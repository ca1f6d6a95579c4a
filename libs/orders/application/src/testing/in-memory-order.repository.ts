import type { EventEnvelope } from '@harbor/contracts';
import { Order, type CustomerId, type OrderId, type OrderSnapshot } from '@harbor/orders-domain';
import { ConcurrentOrderModification, InvalidPageCursor, OpenOrderLimitReached, OrderAlreadyExists } from '../errors';
import type { OrderPage, OrderPageRequest, OrderRepository } from '../ports/order.repository.port';

interface PagePosition {
  readonly createdAt: string;
  readonly orderId: string;
}

/** Newest first, ties by id: the order DynamoDB's byCustomer index gives (gsi1sk = createdAt#orderId, descending). */
function newestFirst(a: PagePosition, b: PagePosition): number {
  // Plain code-unit order, as DynamoDB compares string keys (localeCompare would not).
  const keyA = `${a.createdAt}#${a.orderId}`;
  const keyB = `${b.createdAt}#${b.orderId}`;
  if (keyA === keyB) return 0;
  return keyA > keyB ? -1 : 1;
}

function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.orderId])).toString('base64url');
}

function decodeCursor(cursor: string): PagePosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((part) => typeof part === 'string')) {
      return { createdAt: decoded[0], orderId: decoded[1] };
    }
  } catch {
    // Falls through to the error below: any undecodable cursor is equally invalid.
  }
  throw new InvalidPageCursor();
}

/**
 * An OrderRepository in memory, with the adapter's semantics: version conditions, duplicate ids, atomic
 * order + outbox writes, newest-first paging with an opaque cursor. Stores snapshots, so callers never
 * share an Order instance with it.
 */
export class InMemoryOrderRepository implements OrderRepository {
  /** Every envelope written with an order, in write order. */
  readonly outbox: EventEnvelope[] = [];
  private readonly snapshots = new Map<string, OrderSnapshot>();
  private readonly openOrders = new Map<string, number>();

  async create(
    order: Order,
    outbox: readonly EventEnvelope[],
    limits: { readonly maxOpenOrders: number },
  ): Promise<void> {
    const orderId = order.id.value;
    const customerId = order.customerId.value;
    if (this.snapshots.has(orderId)) throw new OrderAlreadyExists({ orderId });
    const open = this.openOrdersOf(customerId);
    if (open >= limits.maxOpenOrders) throw new OpenOrderLimitReached({ customerId, limit: limits.maxOpenOrders });
    this.write(order, outbox);
    this.openOrders.set(customerId, open + 1);
  }

  /** How many open orders the repository counts for a customer, for assertions. */
  openOrdersOf(customerId: string): number {
    return this.openOrders.get(customerId) ?? 0;
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    const snapshot = this.snapshots.get(id.value);
    return snapshot && Order.rehydrate(snapshot);
  }

  async listByCustomer(customerId: CustomerId, page: OrderPageRequest): Promise<OrderPage> {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    const matching = [...this.snapshots.values()]
      .filter((snapshot) => snapshot.customerId === customerId.value)
      .sort(newestFirst)
      .filter((snapshot) => !after || newestFirst(after, snapshot) < 0);
    const items = matching.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map((snapshot) => Order.rehydrate(snapshot)),
      ...(last && matching.length > items.length ? { nextCursor: encodeCursor(last) } : {}),
    };
  }

  async save(order: Order, outbox: readonly EventEnvelope[]): Promise<void> {
    const orderId = order.id.value;
    if (this.snapshots.get(orderId)?.version !== order.version) {
      throw new ConcurrentOrderModification({ orderId, expectedVersion: order.version });
    }
    this.write(order, outbox);
    const customerId = order.customerId.value;
    if (order.closesOpenOrder) this.openOrders.set(customerId, this.openOrdersOf(customerId) - 1);
  }

  /** The stored snapshot of an order (its `version` is the stored one), for assertions. */
  storedSnapshot(orderId: string): OrderSnapshot | undefined {
    return this.snapshots.get(orderId);
  }

  private write(order: Order, outbox: readonly EventEnvelope[]): void {
    // Both parts are prepared before either is stored, mirroring the adapter's single transaction.
    const snapshot: OrderSnapshot = { ...order.toSnapshot(), version: order.version + 1 };
    const envelopes = outbox.map((envelope) => structuredClone(envelope));
    this.snapshots.set(snapshot.orderId, snapshot);
    this.outbox.push(...envelopes);
  }
}
