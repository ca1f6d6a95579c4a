import * as dynamoose from 'dynamoose';
import type { ModelType } from 'dynamoose/dist/General';
import type { OpenOrdersDocument, OrderDocument, OutboxDocument } from './orders-table.items';
import { openOrdersSchema, orderSchema, outboxSchema } from './orders-table.schemas';

export interface OrdersTableModels {
  readonly orders: ModelType<OrderDocument>;
  readonly outbox: ModelType<OutboxDocument>;
  readonly openOrders: ModelType<OpenOrdersDocument>;
}

// Dynamoose registers models and tables process-wide: build them once per table name and share them.
const modelsByTable = new Map<string, OrdersTableModels>();

/** The item types of one orders table, bound to it. The table itself is Terraform's: never created here. */
export function ordersTableModels(tableName: string): OrdersTableModels {
  const existing = modelsByTable.get(tableName);
  if (existing) return existing;
  const models: OrdersTableModels = {
    orders: dynamoose.model<OrderDocument>(`${tableName}/Order`, orderSchema),
    outbox: dynamoose.model<OutboxDocument>(`${tableName}/OutboxRecord`, outboxSchema),
    openOrders: dynamoose.model<OpenOrdersDocument>(`${tableName}/OpenOrders`, openOrdersSchema),
  };
  new dynamoose.Table(tableName, [models.orders, models.outbox, models.openOrders], {
    create: false,
    waitForActive: false,
    update: false,
  });
  modelsByTable.set(tableName, models);
  return models;
}
