import * as dynamoose from 'dynamoose';
import type { ModelType } from 'dynamoose/dist/General';
import type { Item } from 'dynamoose/dist/Item';
import type { MarkOutcome, OutboxKey, OutboxRecordState, OutboxStore } from './outbox.ports';

/** The attributes of an outbox record the relay reads and writes; a service's outbox schema declares them. */
export interface OutboxMarkFields {
  readonly pk: string;
  readonly sk: string;
  /** When the relay saw the bus accept the event; absent while it waits. */
  readonly publishedAt?: Date;
}

export interface DynamooseOutboxStoreOptions<T extends Item & OutboxMarkFields> {
  /** The service's outbox record model, bound to its table (never creating it). */
  readonly model: ModelType<T>;
}

/** The outbox records of one service's table, as the relay reads and marks them. */
export class DynamooseOutboxStore<T extends Item & OutboxMarkFields = Item & OutboxMarkFields> implements OutboxStore {
  private readonly model: ModelType<T>;

  constructor(options: DynamooseOutboxStoreOptions<T>) {
    if (!options.model) throw new TypeError('DynamooseOutboxStore needs the outbox model');
    this.model = options.model;
  }

  async stateOf(key: OutboxKey): Promise<OutboxRecordState> {
    // Strongly consistent: a relay retrying a batch must see the mark its previous attempt wrote.
    const item = await this.model.get(
      { pk: key.pk, sk: key.sk },
      { consistent: true, attributes: ['pk', 'publishedAt'] },
    );
    if (!item) return 'missing';
    return item.publishedAt === undefined ? 'pending' : 'published';
  }

  /** Sets publishedAt once: on condition that the record exists and has none (never creates a record). */
  async markPublished(key: OutboxKey, publishedAt: Date): Promise<MarkOutcome> {
    const condition = new dynamoose.Condition().where('pk').exists().and().where('publishedAt').not().exists();
    try {
      await this.model.update({ pk: key.pk, sk: key.sk }, { publishedAt } as Partial<T>, { condition });
      return 'marked';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'not-marked';
      throw error;
    }
  }
}
