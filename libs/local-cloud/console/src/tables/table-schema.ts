import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export type KeyType = 'S' | 'N' | 'B';

export interface KeyPair {
  readonly partitionKey: string;
  readonly sortKey?: string;
}

/** A table's keys as DynamoDB describes them: the table's own, each index's, and every key attribute's type. */
export interface TableSchema {
  readonly key: KeyPair;
  readonly indexes: Readonly<Record<string, KeyPair & { readonly kind: 'global' | 'local' }>>;
  readonly types: Readonly<Record<string, KeyType>>;
}

type KeySchemaElements = readonly { AttributeName?: string; KeyType?: string }[] | undefined;

const keyPair = (elements: KeySchemaElements): KeyPair => {
  const name = (type: string) => elements?.find((element) => element.KeyType === type)?.AttributeName;
  const sortKey = name('RANGE');
  return { partitionKey: name('HASH') ?? '', ...(sortKey ? { sortKey } : {}) };
};

/** DescribeTable, read once per table: the declarations do not change while the local cloud runs. */
export class TableSchemas {
  private readonly known = new Map<string, Promise<TableSchema>>();

  constructor(private readonly client: DynamoDBClient) {}

  of(name: string): Promise<TableSchema> {
    let schema = this.known.get(name);
    if (!schema) {
      schema = this.describe(name);
      schema.catch(() => this.known.delete(name));
      this.known.set(name, schema);
    }
    return schema;
  }

  private async describe(name: string): Promise<TableSchema> {
    const { Table: table } = await this.client.send(new DescribeTableCommand({ TableName: name }));
    const types = Object.fromEntries(
      (table?.AttributeDefinitions ?? []).map((definition) => [definition.AttributeName, definition.AttributeType]),
    ) as Record<string, KeyType>;
    const indexes: Record<string, KeyPair & { kind: 'global' | 'local' }> = {};
    for (const index of table?.GlobalSecondaryIndexes ?? [])
      indexes[index.IndexName ?? ''] = { ...keyPair(index.KeySchema), kind: 'global' };
    for (const index of table?.LocalSecondaryIndexes ?? [])
      indexes[index.IndexName ?? ''] = { ...keyPair(index.KeySchema), kind: 'local' };
    return { key: keyPair(table?.KeySchema), indexes, types };
  }
}
