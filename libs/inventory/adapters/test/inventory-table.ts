import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

/** The inventory table the Jest global setup created in DynamoDB Local (harbor-<HARBOR_ENV>-inventory). */
export function inventoryTableName(): string {
  const env = process.env.HARBOR_ENV;
  if (!env || !process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    throw new Error(
      'HARBOR_ENV and AWS_ENDPOINT_URL_DYNAMODB are unset: run these tests through jest.config.cjs, which starts DynamoDB Local',
    );
  }
  return `harbor-${env}-inventory`;
}

/** Reads the table without Dynamoose, to see exactly what was stored. */
export class RawInventoryTable {
  private readonly documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

  constructor(readonly tableName = inventoryTableName()) {}

  async get(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return Item;
  }

  /** Every item of one partition, in key order. */
  async partition(pk: string): Promise<Record<string, unknown>[]> {
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
      }),
    );
    return Items ?? [];
  }

  async outboxItems(orderId: string): Promise<Record<string, unknown>[]> {
    return (await this.partition(`RESERVATION#${orderId}`)).filter((item) => String(item['sk']).startsWith('OUTBOX#'));
  }

  destroy(): void {
    this.documents.destroy();
  }
}
