import {
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  CreateTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import {
  physicalName,
  toCreateTableInput,
  type ServiceDefinition,
  type TableDefinition,
} from '@harbor/platform-service-definitions';
import { localDynamoDbClient } from './wait-until-answering';

export interface CreateTablesResult {
  /** Physical names of the tables this call created. */
  readonly created: string[];
  /** Physical names that already existed and were left as they were. */
  readonly existing: string[];
}

/**
 * Creates every table the services declare, named for `env` (`harbor-<env>-<key>`), and waits until each is
 * ACTIVE. Idempotent: existing tables are left alone (only a declared TTL is switched on if it is off).
 */
export async function createTables(
  endpoint: string,
  services: readonly ServiceDefinition[],
  env: string,
): Promise<CreateTablesResult> {
  const client = localDynamoDbClient(endpoint);
  const result: CreateTablesResult = { created: [], existing: [] };
  try {
    const tables = services.flatMap((service) => Object.entries(service.tables));
    await Promise.all(
      tables.map(async ([key, table]) => {
        const name = physicalName(env, key);
        const created = await createIfMissing(client, table, name);
        (created ? result.created : result.existing).push(name);
        await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: name });
        if (table.ttlAttribute) await ensureTimeToLive(client, name, table.ttlAttribute);
      }),
    );
  } finally {
    client.destroy();
  }
  result.created.sort();
  result.existing.sort();
  return result;
}

async function createIfMissing(client: DynamoDBClient, table: TableDefinition, name: string): Promise<boolean> {
  try {
    await client.send(new CreateTableCommand(toCreateTableInput(table, name)));
    return true;
  } catch (error) {
    if (error instanceof ResourceInUseException) return false;
    throw new Error(`Could not create table ${name}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

// A crash between CreateTable and UpdateTimeToLive would otherwise leave a persisted table without TTL forever.
async function ensureTimeToLive(client: DynamoDBClient, name: string, attribute: string): Promise<void> {
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const status = TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { Enabled: true, AttributeName: attribute },
    }),
  );
}
