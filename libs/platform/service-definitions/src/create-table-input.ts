import type { AttributeDefinition, CreateTableCommandInput, KeySchemaElement } from '@aws-sdk/client-dynamodb';
import type { KeyAttribute, TableDefinition } from './schemas/table.schema';

function keySchema(hashKey: KeyAttribute, rangeKey: KeyAttribute | undefined): KeySchemaElement[] {
  const keys: KeySchemaElement[] = [{ AttributeName: hashKey.name, KeyType: 'HASH' }];
  if (rangeKey) keys.push({ AttributeName: rangeKey.name, KeyType: 'RANGE' });
  return keys;
}

/** Every key attribute of the table and its indexes, once each (DynamoDB rejects duplicates). */
function attributeDefinitions(table: TableDefinition): AttributeDefinition[] {
  const keys = [
    table.hashKey,
    table.rangeKey,
    ...table.globalSecondaryIndexes.flatMap((index) => [index.hashKey, index.rangeKey]),
  ];
  const byName = new Map<string, AttributeDefinition>();
  for (const key of keys) {
    if (key && !byName.has(key.name)) byName.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  }
  return [...byName.values()];
}

/** The CreateTable request for a declared table (on-demand billing, as everywhere in Harbor). */
export function toCreateTableInput(table: TableDefinition, physicalTableName: string): CreateTableCommandInput {
  const input: CreateTableCommandInput = {
    TableName: physicalTableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: keySchema(table.hashKey, table.rangeKey),
    AttributeDefinitions: attributeDefinitions(table),
  };
  if (table.globalSecondaryIndexes.length > 0) {
    input.GlobalSecondaryIndexes = table.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index.hashKey, index.rangeKey),
      Projection: { ProjectionType: index.projection },
    }));
  }
  if (table.stream) input.StreamSpecification = { StreamEnabled: true, StreamViewType: table.stream };
  return input;
}
