import { DescribeTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import { plainItem } from './plain-item';
import { decodeCursor, encodeCursor } from './table-cursor';

export interface DeclaredTable {
  /** Physical name (`harbor-<env>-<table>`). */
  readonly name: string;
  readonly service: string;
  readonly keySchema: { readonly partitionKey: string; readonly sortKey?: string };
}

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
 * LastEvaluatedKey, so paging is DynamoDB's own and never skips or repeats an item.
 */
export class TableBrowser {
  private readonly client: DynamoDBClient;

  constructor(
    endpoint: string,
    private readonly tables: readonly DeclaredTable[],
  ) {
    this.client = new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
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

  async items(
    name: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> {
    const table = this.tables.find((declared) => declared.name === name);
    if (!table)
      throw new ConsoleResourceNotFound(
        'table',
        name,
        this.tables.map((declared) => declared.name),
      );
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
    const items = (page.Items ?? []).map(plainItem);
    return page.LastEvaluatedKey ? { items, nextCursor: encodeCursor(page.LastEvaluatedKey) } : { items };
  }

  close(): void {
    this.client.destroy();
  }
}
