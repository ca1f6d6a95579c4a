import { DynamoDBClient, paginateScan, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { physicalName, type ReliabilityCloud } from './local-cloud';

export type Item = Record<string, AttributeValue>;

/** Every item of a table (logical name: orders, inventory, …), read straight from DynamoDB Local, consistently. */
export async function scanTable(cloud: ReliabilityCloud, logical: string): Promise<Item[]> {
  const client = new DynamoDBClient({
    endpoint: cloud.endpoints.dynamodb,
    region: cloud.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const items: Item[] = [];
    for await (const page of paginateScan(
      { client },
      { TableName: physicalName(cloud, logical), ConsistentRead: true },
    ))
      items.push(...(page.Items ?? []));
    return items;
  } finally {
    client.destroy();
  }
}

/** The logical names of every service table (from apps/<service>/api/tables.yaml), to snapshot them all. */
export function declaredTables(): string[] {
  const root = join(__dirname, '../../..');
  return ['catalog', 'orders', 'inventory', 'notifications'].flatMap((service) => {
    const declared = parse(readFileSync(join(root, 'apps', service, 'api/tables.yaml'), 'utf8')) as {
      tables?: Record<string, unknown>;
    };
    return Object.keys(declared.tables ?? {});
  });
}

/** Each table's items, keyed and sorted, so two snapshots compare with toEqual. */
export async function snapshotTables(
  cloud: ReliabilityCloud,
  tables: readonly string[] = declaredTables(),
): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    tables.map(
      async (table) =>
        [
          table,
          (await scanTable(cloud, table)).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort(),
        ] as const,
    ),
  );
  return Object.fromEntries(entries);
}
