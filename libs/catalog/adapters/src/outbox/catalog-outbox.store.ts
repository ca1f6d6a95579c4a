import { DynamooseOutboxStore } from '@harbor/platform-outbox';
import type { OutboxDocument } from '../dynamoose/catalog-table.items';
import { catalogTableModels } from '../dynamoose/catalog-table.models';

/** The platform's outbox store on the catalog table's outbox records, for the relay. */
export function catalogOutboxStore(tableName: string): DynamooseOutboxStore<OutboxDocument> {
  if (!tableName) throw new TypeError('catalogOutboxStore needs a tableName');
  return new DynamooseOutboxStore({ model: catalogTableModels(tableName).outbox });
}
