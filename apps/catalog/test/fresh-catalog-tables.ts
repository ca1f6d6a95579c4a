import { DynamoDBClient, paginateScan, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { createTables } from '@harbor/local-cloud-dynamodb';
import { findWorkspaceRoot, loadServiceDefinitions, physicalName } from '@harbor/platform-service-definitions';
import { randomBytes } from 'node:crypto';

export interface CatalogTables {
  /** Every item of the table, sorted: equal snapshots before and after a request prove nothing was written. */
  snapshot(): Promise<string[]>;
  items(): Promise<Record<string, AttributeValue>[]>;
  close(): void;
}

/**
 * Creates this spec file's own copy of the catalog service's tables (from apps/catalog/api/tables.yaml) in
 * the test run's DynamoDB Local and points the handlers' environment at them.
 */
export async function freshCatalogTables(): Promise<CatalogTables> {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  if (!endpoint)
    throw new Error('AWS_ENDPOINT_URL_DYNAMODB is not set: jest.config.cjs must use the DynamoDB Local global setup');
  const env = `t${randomBytes(4).toString('hex')}`;
  const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false }).filter(
    (s) => s.name === 'catalog',
  );
  await createTables(endpoint, services, env);
  const table = physicalName(env, 'catalog');
  process.env.CATALOG_TABLE_NAME = table;

  const client = new DynamoDBClient({ endpoint });
  const items = async () => {
    const found: Record<string, AttributeValue>[] = [];
    for await (const page of paginateScan({ client }, { TableName: table, ConsistentRead: true }))
      found.push(...(page.Items ?? []));
    return found;
  };
  return {
    snapshot: async () => (await items()).map((item) => JSON.stringify(item)).sort(),
    items,
    close: () => client.destroy(),
  };
}
