import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** A client for DynamoDB Local; it runs with -sharedDb, so region and credentials do not partition data. */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 5000 },
  });
}

/**
 * Polls ListTables until DynamoDB Local answers. Rejects after `timeoutMs`, or as soon as `failed` says the
 * process is gone (no point waiting for a dead JVM).
 */
export async function waitUntilAnswering(
  endpoint: string,
  timeoutMs: number,
  failed: () => Error | undefined,
): Promise<void> {
  const client = localDynamoDbClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const failure = failed();
      if (failure) throw failure;
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (Date.now() >= deadline) {
          throw new Error(
            `DynamoDB Local did not answer ListTables at ${endpoint} within ${Math.round(timeoutMs / 1000)} s`,
          );
        }
        // A refused connection costs next to nothing: poll often, every 25 ms counts in `npm start`'s ready time.
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  } finally {
    client.destroy();
  }
}
