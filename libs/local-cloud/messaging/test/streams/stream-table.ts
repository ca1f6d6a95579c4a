import {
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  waitUntilTableExists,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';

/** A table of its own in the test run's DynamoDB Local, with (or without) a NEW_AND_OLD_IMAGES stream. */
export class StreamTable {
  readonly name = `harbor-test-streams-${randomBytes(4).toString('hex')}`;
  readonly endpoint: string;
  private readonly client: DynamoDBClient;

  constructor() {
    const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    if (!endpoint)
      throw new Error('AWS_ENDPOINT_URL_DYNAMODB is unset: run through jest.config.cjs, which starts DynamoDB Local');
    this.endpoint = endpoint;
    this.client = new DynamoDBClient({
      endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  async create(withStream = true): Promise<this> {
    await this.client.send(
      new CreateTableCommand({
        TableName: this.name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        ...(withStream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
      }),
    );
    await waitUntilTableExists({ client: this.client, maxWaitTime: 30 }, { TableName: this.name });
    return this;
  }

  async put(pk: string, attributes: Record<string, AttributeValue> = {}): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.name, Item: { pk: { S: pk }, ...attributes } }));
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** Resolves once `condition` holds, checking every 20 ms; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
