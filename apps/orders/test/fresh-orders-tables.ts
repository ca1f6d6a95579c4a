import { DynamoDBClient, paginateScan, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamooseCatalogPrices } from '@harbor/orders-adapters';
import { createTables } from '@harbor/local-cloud-dynamodb';
import { findWorkspaceRoot, loadServiceDefinitions, physicalName } from '@harbor/platform-service-definitions';
import { randomBytes } from 'node:crypto';
import { serveScheduler, type StoredSchedule } from './scheduler-stand-in';

export interface OrdersTables {
  /** Every item of both tables, sorted: equal snapshots before and after a request prove nothing was written. */
  snapshot(): Promise<string[]>;
  /** The raw items of the orders table. */
  ordersItems(): Promise<Record<string, AttributeValue>[]>;
  /** Puts a SKU in orders' copy of the catalog at these prices (a version above any before). */
  price(sku: string, prices: Readonly<Record<string, number>>): Promise<void>;
  /** The payment deadlines set in the scheduler stand-in, by `<group>/<name>`. */
  readonly schedules: Map<string, StoredSchedule>;
  close(): Promise<void>;
}

/** The catalog every spec starts with (EUR, minor units), as if the catalog had published it. */
export const TEST_CATALOG: Readonly<Record<string, number>> = { 'SKU-1': 1250, 'SKU-2': 500, 'SKU-9': 900 };

/**
 * Creates this spec file's own copy of the orders service's tables (from apps/orders/api/tables.yaml) in the
 * test run's DynamoDB Local and points the handlers' environment at them, and at a scheduler stand-in.
 */
export async function freshOrdersTables(): Promise<OrdersTables> {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  if (!endpoint)
    throw new Error('AWS_ENDPOINT_URL_DYNAMODB is not set: jest.config.cjs must use the DynamoDB Local global setup');
  const env = `t${randomBytes(4).toString('hex')}`;
  const services = loadServiceDefinitions(findWorkspaceRoot(__dirname), { checkHandlerFiles: false }).filter(
    (s) => s.name === 'orders',
  );
  await createTables(endpoint, services, env);
  const ordersTable = physicalName(env, 'orders');
  const idempotencyTable = physicalName(env, 'orders-idempotency');
  process.env.ORDERS_TABLE_NAME = ordersTable;
  process.env.IDEMPOTENCY_TABLE_NAME = idempotencyTable;
  process.env.ORDERS_PRICES_TABLE_NAME = physicalName(env, 'orders-prices');
  const catalog = new DynamooseCatalogPrices({ tableName: process.env.ORDERS_PRICES_TABLE_NAME });
  let version = 0;
  const price = async (sku: string, prices: Readonly<Record<string, number>>) => {
    await catalog.apply({ sku, status: 'ACTIVE', prices, version: ++version });
  };
  for (const [sku, amountMinor] of Object.entries(TEST_CATALOG)) await price(sku, { EUR: amountMinor });
  // The rest of placeOrder's declared environment (its open-order limit), as the local cloud and Terraform set it.
  Object.assign(process.env, services[0]?.functions['placeOrder']?.environment ?? {});
  const scheduler = await serveScheduler(services[0]!, env);

  const client = new DynamoDBClient({ endpoint });
  const scan = async (TableName: string) => {
    const items: Record<string, AttributeValue>[] = [];
    for await (const page of paginateScan({ client }, { TableName, ConsistentRead: true }))
      items.push(...(page.Items ?? []));
    return items;
  };
  return {
    snapshot: async () =>
      [...(await scan(ordersTable)), ...(await scan(idempotencyTable))].map((item) => JSON.stringify(item)).sort(),
    ordersItems: () => scan(ordersTable),
    price,
    schedules: scheduler.schedules,
    close: async () => {
      client.destroy();
      await scheduler.close();
    },
  };
}
