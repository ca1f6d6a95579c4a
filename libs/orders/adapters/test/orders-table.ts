import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

/** The orders table the Jest global setup created in DynamoDB Local (harbor-<HARBOR_ENV>-orders). */
export function ordersTableName(): string {
  const env = process.env.HARBOR_ENV;
  if (!env || !process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    throw new Error(
      'HARBOR_ENV and AWS_ENDPOINT_URL_DYNAMODB are unset: run these tests through jest.config.cjs, which starts DynamoDB Local',
    );
  }
  return `harbor-${env}-orders`;
}

/** Reads the table without Dynamoose, to see exactly what was stored. */
export class RawOrdersTable {
  private readonly documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

  constructor(readonly tableName = ordersTableName()) {}

  async get(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return Item;
  }

  /** Every item of one order's partition (the order and its outbox), in key order. */
  async partition(orderId: string): Promise<Record<string, unknown>[]> {
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ORDER#${orderId}` },
        ConsistentRead: true,
      }),
    );
    return Items ?? [];
  }

  async outboxItems(orderId: string): Promise<Record<string, unknown>[]> {
    return (await this.partition(orderId)).filter((item) => String(item['sk']).startsWith('OUTBOX#'));
  }

  /** Writes an item as is, past every schema. */
  async put(item: Record<string, unknown>): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  destroy(): void {
    this.documents.destroy();
  }
}
