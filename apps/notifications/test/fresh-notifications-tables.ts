import { DynamoDBClient, paginateScan, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTables } from '@harbor/local-cloud-dynamodb';
import { findWorkspaceRoot, loadServiceDefinitions, physicalName } from '@harbor/platform-service-definitions';
import { randomBytes } from 'node:crypto';

export interface NotificationsTables {
  /** Every item of the table, sorted: equal snapshots before and after a delivery prove nothing was written. */
  snapshot(): Promise<string[]>;
  /** Every item, as plain values. */
  items(): Promise<Record<string, unknown>[]>;
  close(): void;
}

/**
 * Creates this spec file's own copy of the notifications table (from apps/notifications/api/tables.yaml) in the
 * test run's DynamoDB Local and points the handlers' environment at it.
 */
export async function freshNotificationsTables(): Promise<NotificationsTables> {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  if (!endpoint)
    throw new Error('AWS_ENDPOINT_URL_DYNAMODB is not set: jest.config.cjs must use the DynamoDB Local global setup');
  const env = `t${randomBytes(4).toString('hex')}`;
  const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false }).filter(
    (s) => s.name === 'notifications',
  );
  await createTables(endpoint, services, env);
  const table = physicalName(env, 'notifications');
  process.env.NOTIFICATIONS_TABLE_NAME = table;

  const client = new DynamoDBClient({ endpoint });
  const documents = DynamoDBDocumentClient.from(client);
  const raw = async () => {
    const found: Record<string, AttributeValue>[] = [];
    for await (const page of paginateScan({ client }, { TableName: table, ConsistentRead: true }))
      found.push(...(page.Items ?? []));
    return found;
  };
  return {
    snapshot: async () => (await raw()).map((item) => JSON.stringify(item)).sort(),
    // One page is enough: a spec file's table holds a few dozen items.
    items: async () => (await documents.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? [],
    close: () => client.destroy(),
  };
}
