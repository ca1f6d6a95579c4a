import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Product } from '@harbor/catalog-domain';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { randomUUID } from 'node:crypto';
import { catalogTableName } from '../../test/catalog-table';
import { DynamooseProductRepository } from './product.dynamoose.repository';
import { dynamooseProductRepositoryAccess as access } from './product.dynamoose.repository.access';

// Every command the adapters send to DynamoDB Local, per method, against what their descriptors declare.
const recorder = recordCommands(DynamoDBClient);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const repository = new DynamooseProductRepository({ tableName: catalogTableName() });
const tables = () => ({ tables: { catalog: catalogTableName() } });
const declared = (method: keyof typeof access.methods) => describeDeclaredAccess(access.methods[method], tables());
const now = new Date('2099-03-01T12:00:00.000Z');
const aProduct = () =>
  Product.define({
    sku: `A-${randomUUID().slice(0, 8).toUpperCase()}`,
    name: 'Mug',
    prices: [{ currency: 'EUR', amountMinor: 1 }],
    now,
  });

describe('DynamooseProductRepository sends exactly what dynamooseProductRepositoryAccess declares', () => {
  it('findBySku (stored and missing)', async () => {
    const product = aProduct();
    await repository.save(product, [], undefined);
    await meter.measure(() => repository.findBySku(product.sku));
    await meter.measure(() => repository.findBySku(aProduct().sku));
    expect(meter.accessed()).toEqual(declared('findBySku'));
  });

  it('save (new, then changed)', async () => {
    const product = aProduct();
    await meter.measure(() => repository.save(product, [], undefined));
    const retired = product.retire(now).product;
    await meter.measure(() => repository.save(retired, [], product.version));
    expect(meter.accessed()).toEqual(declared('save'));
  });

  it('list', async () => {
    await meter.measure(() => repository.list({ limit: 1, after: 'A-0' }));
    expect(meter.accessed()).toEqual(declared('list'));
  });
});
