import * as dynamoose from 'dynamoose';
import { ordersTableModels, type OrdersTableModels } from '../dynamoose/orders-table.models';
import type { OutboxKey } from './outbox-stream-record';

/** Where a record stands: waiting, already published, or gone from the table. */
export type OutboxRecordState = 'pending' | 'published' | 'missing';

/** `marked`: this call set publishedAt. `not-marked`: it was already set, or the record is gone; nothing was written. */
export type MarkOutcome = 'marked' | 'not-marked';

export interface DynamooseOutboxStoreOptions {
  /** Physical name of the orders table (the function's ORDERS_TABLE_NAME). */
  readonly tableName: string;
}

/** The outbox records of the orders table, as the relay reads and marks them. */
export class DynamooseOutboxStore {
  private readonly models: OrdersTableModels;

  constructor(options: DynamooseOutboxStoreOptions) {
    if (!options.tableName) throw new TypeError('DynamooseOutboxStore needs a tableName');
    this.models = ordersTableModels(options.tableName);
  }

  async stateOf(key: OutboxKey): Promise<OutboxRecordState> {
    // Strongly consistent: a relay retrying a batch must see the mark its previous attempt wrote.
    const item = await this.models.outbox.get({ pk: key.pk, sk: key.sk }, { consistent: true, attributes: ['pk', 'publishedAt'] });
    if (!item) return 'missing';
    return item.publishedAt === undefined ? 'pending' : 'published';
  }

  /** Sets publishedAt once: on condition that the record exists and has none (never creates a record). */
  async markPublished(key: OutboxKey, publishedAt: Date): Promise<MarkOutcome> {
    const condition = new dynamoose.Condition().where('pk').exists().and().where('publishedAt').not().exists();
    try {
      await this.models.outbox.update({ pk: key.pk, sk: key.sk }, { publishedAt }, { condition });
      return 'marked';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'not-marked';
      throw error;
    }
  }
}
