import type { EventEnvelope } from '@harbor/contracts';
import {
  ConcurrentOrderModification,
  OpenOrderLimitReached,
  OrderAlreadyExists,
  type OrderPage,
  type OrderPageRequest,
  type OrderRepository,
} from '@harbor/orders-application';
import type { CustomerId, Order, OrderId } from '@harbor/orders-domain';
import * as dynamoose from 'dynamoose';
import { SortOrder } from 'dynamoose/dist/General';
import { SystemClock, type Clock } from '@harbor/shared-kernel';
import { toDomain, toOutboxItem, toPersistence } from './order.mapper';
import { decodePageCursor, encodePageCursor } from './order-page-cursor';
import {
  BY_CUSTOMER_INDEX,
  customerPk,
  MAX_OUTBOX_PER_WRITE,
  OPEN_ORDERS_SK,
  ORDER_SK,
  orderPk,
} from './orders-table.keys';
import { ordersTableModels, type OrdersTableModels } from './orders-table.models';
import { conditionFailedAt } from '@harbor/platform-outbox';

export interface DynamooseOrderRepositoryOptions {
  /** Physical name of the orders table (the function's ORDERS_TABLE_NAME). */
  readonly tableName: string;
  /** Dates the outbox records' expiry. */
  readonly clock?: Clock;
}

/** Outbox records outlive the stream's 24 hours, so a failed relay can still be replayed from the table. */
const OUTBOX_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * OrderRepository on one DynamoDB table through Dynamoose. Each write is a single transaction of the order
 * item (conditional on the version it was loaded with), its customer's open-order count when the order opens
 * or closes, and one outbox record per event, so a state change is never stored without its events; the
 * table's stream feeds the records to the outbox relay.
 */
export class DynamooseOrderRepository implements OrderRepository {
  private readonly models: OrdersTableModels;
  private readonly clock: Clock;

  constructor(options: DynamooseOrderRepositoryOptions) {
    if (!options.tableName) throw new TypeError('DynamooseOrderRepository needs a tableName');
    this.models = ordersTableModels(options.tableName);
    this.clock = options.clock ?? new SystemClock();
  }

  async create(
    order: Order,
    outbox: readonly EventEnvelope[],
    limits: { readonly maxOpenOrders: number },
  ): Promise<void> {
    const orderId = order.id.value;
    const customerId = order.customerId.value;
    // overwrite: false adds attribute_not_exists(pk): an existing order cancels the whole transaction.
    const orderWrite = this.models.orders.transaction.create(toPersistence(order, order.version + 1), {
      overwrite: false,
    });
    // The count and the order in one transaction: of parallel requests, only as many as fit under the limit commit.
    const countIn = this.models.openOrders.transaction.update(
      { pk: customerPk(customerId), sk: OPEN_ORDERS_SK },
      { $ADD: { open: 1 } },
      { condition: new dynamoose.Condition().where('open').not().exists().or().where('open').lt(limits.maxOpenOrders) },
    );
    try {
      await dynamoose.transaction([orderWrite, countIn, ...this.outboxWrites(order, outbox)]);
    } catch (error) {
      if (conditionFailedAt(error, 0)) throw new OrderAlreadyExists({ orderId }, { cause: error });
      if (conditionFailedAt(error, 1))
        throw new OpenOrderLimitReached({ customerId, limit: limits.maxOpenOrders }, { cause: error });
      throw error;
    }
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    // Strongly consistent: the version read here is the condition of the next save.
    const item = await this.models.orders.get({ pk: orderPk(id.value), sk: ORDER_SK }, { consistent: true });
    return item ? toDomain(item) : undefined;
  }

  async listByCustomer(customerId: CustomerId, page: OrderPageRequest): Promise<OrderPage> {
    const startKey = page.cursor === undefined ? undefined : decodePageCursor(page.cursor, customerId.value);
    let query = this.models.orders
      .query('gsi1pk')
      .eq(customerPk(customerId.value))
      .using(BY_CUSTOMER_INDEX)
      .sort(SortOrder.descending)
      .limit(page.limit);
    if (startKey) query = query.startAt(startKey);
    const result = await query.exec();
    return {
      items: result.map((item) => toDomain(item)),
      ...(result.lastKey ? { nextCursor: encodePageCursor(result.lastKey) } : {}),
    };
  }

  async save(order: Order, outbox: readonly EventEnvelope[]): Promise<void> {
    const orderId = order.id.value;
    const expectedVersion = order.version;
    // A full put, on condition that nobody wrote since we loaded (a missing item has no version, so fails too).
    const orderWrite = this.models.orders.transaction.create(toPersistence(order, expectedVersion + 1), {
      overwrite: true,
      condition: new dynamoose.Condition('version').eq(expectedVersion),
    });
    try {
      await dynamoose.transaction([orderWrite, ...this.countOutIfClosed(order), ...this.outboxWrites(order, outbox)]);
    } catch (error) {
      if (conditionFailedAt(error, 0))
        throw new ConcurrentOrderModification({ orderId, expectedVersion }, { cause: error });
      throw error;
    }
  }

  /** Paid, rejected or cancelled since it was loaded: one open order fewer for its customer, in the same write. */
  private countOutIfClosed(order: Order) {
    if (!order.closesOpenOrder) return [];
    return [
      this.models.openOrders.transaction.update(
        { pk: customerPk(order.customerId.value), sk: OPEN_ORDERS_SK },
        { $ADD: { open: -1 } },
      ),
    ];
  }

  private outboxWrites(order: Order, outbox: readonly EventEnvelope[]) {
    if (outbox.length > MAX_OUTBOX_PER_WRITE) {
      throw new RangeError(
        `At most ${MAX_OUTBOX_PER_WRITE} events can be stored with one order write, got ${outbox.length}`,
      );
    }
    const expiresAt = new Date(this.clock.now().getTime() + OUTBOX_RETENTION_MS);
    const storedVersion = order.version + 1;
    return outbox.map((envelope, position) =>
      // overwrite: false: an outbox record is written once, never replaced.
      this.models.outbox.transaction.create(
        toOutboxItem(envelope, { orderId: order.id.value, storedVersion, position, expiresAt }),
        {
          overwrite: false,
        },
      ),
    );
  }
}
