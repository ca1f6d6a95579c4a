import { DeleteItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import { declaredTable, localDynamoDbClient, type DeclaredTable } from './declared-table';
import { keyValue } from './key-value';
import { plainItem } from './plain-item';
import { TableSchemas, type TableSchema } from './table-schema';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An add that found an item with its key already: answered 409 so nothing is overwritten by mistake. */
export class ItemAlreadyExists extends Error {
  override readonly name = 'ItemAlreadyExists';
}

/**
 * Adds, replaces and deletes one item of a declared table with PutItem and DeleteItem on DynamoDB Local, so the
 * table's stream carries the change to its consumers as any other write would. Each call is one item-level
 * operation: it is written whole or not at all. Items are plain JSON, as the browser shows them (numbers as N,
 * arrays as L, objects as M); a value the browser shows as text (a number too precise for JSON) is written as S.
 */
export class TableEditor {
  private readonly client;
  private readonly schemas;

  constructor(
    endpoint: string,
    private readonly tables: readonly DeclaredTable[],
  ) {
    this.client = localDynamoDbClient(endpoint);
    this.schemas = new TableSchemas(this.client);
  }

  /** `{ item }`: `mode` add refuses an item whose key is taken, replace writes it whatever was there. */
  async put(name: string, body: unknown, mode: 'add' | 'replace'): Promise<{ item: Record<string, unknown> }> {
    const table = declaredTable(this.tables, name);
    if (!isObject(body) || !isObject(body['item']))
      throw new InvalidConsoleRequest('the body must be { item: { ...attributes } } with the key attributes');
    const schema = await this.schemas.of(table.name);
    const item = typedItem(body['item'], schema);
    const condition =
      mode === 'add'
        ? {
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': schema.key.partitionKey },
          }
        : {};
    await this.client
      .send(new PutItemCommand({ TableName: table.name, Item: item, ...condition }))
      .catch((error: unknown) => {
        if (errorName(error) === 'ConditionalCheckFailedException')
          throw new ItemAlreadyExists(`an item with this key is already in ${table.name}: edit it instead`);
        throw refusedByDynamoDb(error);
      });
    return { item: plainItem(item) };
  }

  /** `{ key }`: deletes the item with that key, a 404 when there is none. */
  async delete(name: string, body: unknown): Promise<{ deleted: Record<string, unknown> }> {
    const table = declaredTable(this.tables, name);
    if (!isObject(body) || !isObject(body['key']))
      throw new InvalidConsoleRequest('the body must be { key: { ...key attributes } }');
    const schema = await this.schemas.of(table.name);
    const key = keyOf(body['key'], schema, true);
    const answer = await this.client
      .send(
        new DeleteItemCommand({
          TableName: table.name,
          Key: key,
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': schema.key.partitionKey },
          ReturnValues: 'ALL_OLD',
        }),
      )
      .catch((error: unknown) => {
        if (errorName(error) === 'ConditionalCheckFailedException')
          throw new ConsoleResourceNotFound('item', JSON.stringify(body['key']), []);
        throw refusedByDynamoDb(error);
      });
    return { deleted: plainItem(answer.Attributes ?? key) };
  }

  close(): void {
    this.client.destroy();
  }
}

const errorName = (error: unknown) => (error as { name?: string }).name;

/** DynamoDB's ValidationException (item over 400 KB, an empty set...) is the caller's error, with its message. */
function refusedByDynamoDb(error: unknown): unknown {
  if (errorName(error) === 'ValidationException')
    return new InvalidConsoleRequest(`DynamoDB refused it: ${(error as Error).message}`);
  return error;
}

function keyOf(value: Record<string, unknown>, schema: TableSchema, only: boolean): Record<string, AttributeValue> {
  const names = [schema.key.partitionKey, ...(schema.key.sortKey ? [schema.key.sortKey] : [])];
  if (only) {
    const extra = Object.keys(value).filter((name) => !names.includes(name));
    if (extra.length)
      throw new InvalidConsoleRequest(`a key holds ${names.join(' and ')} only, not ${extra.join(', ')}`);
  }
  return Object.fromEntries(names.map((name) => [name, keyValue(name, schema.types[name] ?? 'S', value[name])]));
}

function typedItem(item: Record<string, unknown>, schema: TableSchema): Record<string, AttributeValue> {
  let typed: Record<string, AttributeValue>;
  try {
    typed = marshall(item, { removeUndefinedValues: true });
  } catch (error) {
    throw new InvalidConsoleRequest(`the item cannot be written to DynamoDB: ${(error as Error).message}`);
  }
  const key = keyOf(item, schema, false);
  // Index key attributes must have their defined type too, else DynamoDB refuses the write.
  for (const [name, type] of Object.entries(schema.types))
    if (name in item && !(name in key)) typed[name] = keyValue(name, type, item[name]);
  return { ...typed, ...key };
}
