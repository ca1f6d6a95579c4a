import {
  DescribeTableCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { InvalidConsoleRequest } from '../errors';
import { declaredTable, localDynamoDbClient, type DeclaredTable } from './declared-table';
import { plainItem } from './plain-item';
import { decodeCursor, encodeCursor } from './table-cursor';
import { queryInput } from './table-query';
import { TableSchemas } from './table-schema';

export type { DeclaredTable } from './declared-table';

type Page = { items: Record<string, unknown>[]; nextCursor?: string };

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 1000;

/** Page size from the query: default 25, an integer from 1 to 1000. */
export function pageSize(raw: string | null): number {
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new InvalidConsoleRequest(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${JSON.stringify(raw)}`);
  return limit;
}

/**
 * The declared tables as DynamoDB Local holds them: `GET /_local/tables` and a page of a table's items,
 * `GET /_local/tables/{name}/items`, read with Scan and turned into plain JSON. The page token is the Scan's
 * LastEvaluatedKey, so paging is DynamoDB's own and never skips or repeats an item. A query by key, on the table
 * or an index, `GET /_local/tables/{name}/query`, pages the same way.
 */
export class TableBrowser {
  private readonly client: DynamoDBClient;
  private readonly schemas: TableSchemas;

  constructor(
    endpoint: string,
    private readonly tables: readonly DeclaredTable[],
  ) {
    this.client = localDynamoDbClient(endpoint);
    this.schemas = new TableSchemas(this.client);
  }

  async list() {
    return Promise.all(
      this.tables.map(async (table) => {
        const itemCount = await this.client
          .send(new DescribeTableCommand({ TableName: table.name }))
          .then((described) => described.Table?.ItemCount)
          .catch(() => undefined);
        return {
          name: table.name,
          service: table.service,
          ...(itemCount === undefined ? {} : { itemCount }),
          keySchema: table.keySchema,
        };
      }),
    );
  }

  async items(name: string, limit: number, cursor?: string): Promise<Page> {
    const table = declaredTable(this.tables, name);
    const keyAttributes = [table.keySchema.partitionKey, ...(table.keySchema.sortKey ? [table.keySchema.sortKey] : [])];
    const start = cursor === undefined ? {} : { ExclusiveStartKey: decodeCursor(cursor, keyAttributes) };
    const page = await this.client
      .send(new ScanCommand({ TableName: name, Limit: limit, ...start }))
      .catch((error: unknown) => {
        // A key of the right names but the wrong types: DynamoDB's ValidationException is the caller's error too.
        if (cursor !== undefined && (error as { name?: string }).name === 'ValidationException')
          throw new InvalidConsoleRequest(
            `cursor is not a page token of ${name}: pass nextCursor from the previous page`,
          );
        throw error;
      });
    return pageOf(page);
  }

  /** The indexes a query may name, with their keys (DescribeTable's, so an LSI shows the table's partition key). */
  async indexes(name: string) {
    const schema = await this.schemas.of(declaredTable(this.tables, name).name);
    return { key: schema.key, indexes: schema.indexes };
  }

  /** Items of one partition key, with an optional sort-key condition, on the table or an index; see `queryInput`. */
  async query(name: string, query: URLSearchParams, limit: number): Promise<Page> {
    const table = declaredTable(this.tables, name);
    const schema = await this.schemas.of(table.name);
    const input = queryInput(table.name, schema, query);
    const cursor = query.get('cursor') ?? undefined;
    // An index query's LastEvaluatedKey holds the index's keys and the table's.
    const index = input.IndexName === undefined ? undefined : schema.indexes[input.IndexName];
    const keyNames = [schema.key, ...(index ? [index] : [])].flatMap((keys) => [
      keys.partitionKey,
      ...(keys.sortKey ? [keys.sortKey] : []),
    ]);
    const start = cursor === undefined ? {} : { ExclusiveStartKey: decodeCursor(cursor, [...new Set(keyNames)]) };
    const page = await this.client
      .send(new QueryCommand({ ...input, Limit: limit, ...start }))
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === 'ValidationException')
          throw new InvalidConsoleRequest(`DynamoDB refused the query: ${(error as Error).message}`);
        throw error;
      });
    return pageOf(page);
  }

  close(): void {
    this.client.destroy();
  }
}

type Key = Record<string, AttributeValue>;

function pageOf(page: { Items?: Key[]; LastEvaluatedKey?: Key }): Page {
  const items = (page.Items ?? []).map(plainItem);
  return page.LastEvaluatedKey ? { items, nextCursor: encodeCursor(page.LastEvaluatedKey) } : { items };
}
