import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

/** The notifications table the Jest global setup created in DynamoDB Local (harbor-<HARBOR_ENV>-notifications). */
export function notificationsTableName(): string {
  const env = process.env.HARBOR_ENV;
  if (!env || !process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    throw new Error(
      'HARBOR_ENV and AWS_ENDPOINT_URL_DYNAMODB are unset: run these tests through jest.config.cjs, which starts DynamoDB Local',
    );
  }
  return `harbor-${env}-notifications`;
}

/** Reads the table without Dynamoose, to see exactly what was stored. */
export class RawNotificationsTable {
  private readonly documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

  constructor(readonly tableName = notificationsTableName()) {}

  async get(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return Item;
  }

  destroy(): void {
    this.documents.destroy();
  }
}
