import { DynamooseOutboxStore } from '@harbor/platform-outbox';
import type { OutboxDocument } from '../dynamoose/inventory-table.items';
import { inventoryTableModels } from '../dynamoose/inventory-table.models';

/** The platform's outbox store on the inventory table's outbox records, for the relay. */
export function inventoryOutboxStore(tableName: string): DynamooseOutboxStore<OutboxDocument> {
  if (!tableName) throw new TypeError('inventoryOutboxStore needs a tableName');
  return new DynamooseOutboxStore({ model: inventoryTableModels(tableName).outbox });
}
