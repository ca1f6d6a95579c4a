import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { randomUUID } from 'node:crypto';
import { inventoryTableName } from '../../test/inventory-table';
import { DynamooseStockRepository } from './stock.dynamoose.repository';
import { dynamooseStockRepositoryAccess as access } from './stock.dynamoose.repository.access';

// Every command the repository sends to DynamoDB Local, per method, against what its descriptor declares.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const repository = new DynamooseStockRepository({ tableName: inventoryTableName() });
const declared = (method: keyof typeof access.methods) =>
  describeDeclaredAccess(access.methods[method], { tables: { inventory: inventoryTableName() } });
const newSku = () => `S${randomUUID().slice(0, 8).toUpperCase()}`;
const now = new Date('2099-03-01T12:00:00.000Z');

describe('DynamooseStockRepository sends exactly what dynamooseStockRepositoryAccess declares', () => {
  it('setAvailable (a new SKU and a stocked one)', async () => {
    const sku = newSku();
    await meter.measure(() => repository.setAvailable(sku, 3, now));
    await meter.measure(() => repository.setAvailable(sku, 5, now));
    expect(meter.accessed()).toEqual(declared('setAvailable'));
  });

  it('findBySku (stocked and unknown)', async () => {
    const sku = newSku();
    await repository.setAvailable(sku, 1, now);
    await meter.measure(() => repository.findBySku(sku));
    await meter.measure(() => repository.findBySku(newSku()));
    expect(meter.accessed()).toEqual(declared('findBySku'));
  });

  it('findMany (stocked and unknown SKUs together)', async () => {
    const sku = newSku();
    await repository.setAvailable(sku, 1, now);
    await meter.measure(() => repository.findMany([sku, newSku()]));
    expect(meter.accessed()).toEqual(declared('findMany'));
  });
});
