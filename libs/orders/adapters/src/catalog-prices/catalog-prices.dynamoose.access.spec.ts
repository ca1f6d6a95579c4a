import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { randomUUID } from 'node:crypto';
import { DynamooseCatalogPrices } from './catalog-prices.dynamoose';
import { dynamooseCatalogPricesAccess as access } from './catalog-prices.dynamoose.access';

/** The read model table the Jest global setup created in DynamoDB Local (harbor-<HARBOR_ENV>-orders-prices). */
const tableName = () => `harbor-${process.env.HARBOR_ENV}-orders-prices`;

// Every command the adapter sends to DynamoDB Local, per method, against what its descriptor declares.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const prices = new DynamooseCatalogPrices({ tableName: tableName() });
const newSku = () => `P${randomUUID().slice(0, 8).toUpperCase()}`;
const active = (sku: string) => ({ sku, status: 'ACTIVE' as const, prices: { EUR: 1 }, version: 1 });

describe('DynamooseCatalogPrices sends exactly what dynamooseCatalogPricesAccess declares', () => {
  it('find and apply', async () => {
    const declared = (method: keyof typeof access.methods) =>
      describeDeclaredAccess(access.methods[method], { tables: { 'orders-prices': tableName() } });
    await meter.measure(() => prices.find([newSku()]));
    expect(meter.accessed()).toEqual(declared('find'));
    await meter.measure(() => prices.apply(active(newSku())));
    expect(meter.accessed()).toEqual(declared('apply'));
  });
});
