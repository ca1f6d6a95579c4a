import { DynamooseOutboxStore as PlatformOutboxStore } from '@harbor/platform-outbox';
import type { OutboxDocument } from '../dynamoose/orders-table.items';
import { ordersTableModels } from '../dynamoose/orders-table.models';

export interface DynamooseOutboxStoreOptions {
  /** Physical name of the orders table (the function's ORDERS_TABLE_NAME). */
  readonly tableName: string;
}

/** The outbox records of the orders table, as the relay reads and marks them (the platform store on the orders model). */
export class DynamooseOutboxStore extends PlatformOutboxStore<OutboxDocument> {
  constructor(options: DynamooseOutboxStoreOptions) {
    if (!options.tableName) throw new TypeError('DynamooseOutboxStore needs a tableName');
    super({ model: ordersTableModels(options.tableName).outbox });
  }
}
