import { toCreateTableInput } from './create-table-input';
import type { TableDefinition } from './schemas/table.schema';

describe('toCreateTableInput', () => {
  const orders: TableDefinition = {
    hashKey: { name: 'pk', type: 'S' },
    rangeKey: { name: 'sk', type: 'S' },
    globalSecondaryIndexes: [
      {
        name: 'byCustomer',
        hashKey: { name: 'gsi1pk', type: 'S' },
        rangeKey: { name: 'sk', type: 'S' },
        projection: 'ALL',
      },
      {
        name: 'byAmount',
        hashKey: { name: 'pk', type: 'S' },
        rangeKey: { name: 'amount', type: 'N' },
        projection: 'KEYS_ONLY',
      },
    ],
    stream: 'NEW_AND_OLD_IMAGES',
    ttlAttribute: 'expiresAt',
  };

  it('builds an on-demand table with key schema, indexes and stream', () => {
    const input = toCreateTableInput(orders, 'harbor-test-orders');
    expect(input).toMatchObject({
      TableName: 'harbor-test-orders',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(input.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'byCustomer',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: 'byAmount',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'amount', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ]);
  });

  it('defines each key attribute once', () => {
    const names = toCreateTableInput(orders, 'harbor-test-orders').AttributeDefinitions?.map(
      (attribute) => attribute.AttributeName,
    );
    expect(names).toEqual(['pk', 'sk', 'gsi1pk', 'amount']);
  });

  it('leaves out indexes and stream a table does not declare', () => {
    const input = toCreateTableInput(
      { hashKey: { name: 'id', type: 'S' }, globalSecondaryIndexes: [] },
      'harbor-test-idem',
    );
    expect(input.GlobalSecondaryIndexes).toBeUndefined();
    expect(input.StreamSpecification).toBeUndefined();
    expect(input.AttributeDefinitions).toEqual([{ AttributeName: 'id', AttributeType: 'S' }]);
  });
});
