import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConsoleResourceNotFound } from '../errors';

export interface DeclaredTable {
  /** Physical name (`harbor-<env>-<table>`). */
  readonly name: string;
  readonly service: string;
  readonly keySchema: { readonly partitionKey: string; readonly sortKey?: string };
}

/** The declared table of that name; any other name (another app's table in DynamoDB Local too) is a 404. */
export function declaredTable(tables: readonly DeclaredTable[], name: string): DeclaredTable {
  const table = tables.find((declared) => declared.name === name);
  if (!table)
    throw new ConsoleResourceNotFound(
      'table',
      name,
      tables.map((declared) => declared.name),
    );
  return table;
}

/** A client of DynamoDB Local that never retries: the console shows the first answer as it is. */
export const localDynamoDbClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
