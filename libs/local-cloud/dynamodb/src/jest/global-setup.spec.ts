import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { isPortFree } from '../free-port';
import globalSetup from './global-setup';
import globalTeardown from './global-teardown';

describe('jest globalSetup / globalTeardown', () => {
  const saved = { endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB, env: process.env.HARBOR_ENV };
  afterAll(() => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = saved.endpoint;
    process.env.HARBOR_ENV = saved.env;
  });

  it('starts one DynamoDB Local with every declared table for env test, then stops it', async () => {
    await globalSetup();
    const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.HARBOR_ENV).toBe('test');

    // The SDK finds the endpoint on its own, as adapters under test will.
    const client = new DynamoDBClient({});
    const { TableNames } = await client.send(new ListTablesCommand({}));
    client.destroy();
    expect(TableNames).toEqual(expect.arrayContaining(['harbor-test-orders', 'harbor-test-orders-idempotency']));

    await globalTeardown();
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBeUndefined();
    expect(await isPortFree(Number(new URL(endpoint!).port))).toBe(true);
  }, 45_000);
});
