import { productOutbox } from '@harbor/catalog-application';
import { SequentialIdGenerator } from '@harbor/catalog-application/testing';
import { ConcurrentProductChange, Product } from '@harbor/catalog-domain';
import { randomUUID } from 'node:crypto';
import { catalogTableName } from '../../test/catalog-table';
import { catalogOutboxStore } from '../outbox/catalog-outbox.store';
import { DynamooseProductRepository } from './product.dynamoose.repository';

const repository = new DynamooseProductRepository({ tableName: catalogTableName() });
const now = new Date('2099-03-01T12:00:00.000Z');
const idGenerator = new SequentialIdGenerator();
const uniqueSku = () => `P-${randomUUID().slice(0, 8).toUpperCase()}`;
const priced = (product: Product) =>
  productOutbox(product, { kind: 'priced' }, { idGenerator, occurredAt: now, requestId: 'req-1' });

describe('DynamooseProductRepository against DynamoDB Local', () => {
  it('stores a product with its ProductPriced outbox record and reads the same product back', async () => {
    const product = Product.define({
      sku: uniqueSku(),
      name: 'Mug',
      prices: [
        { currency: 'USD', amountMinor: 1399 },
        { currency: 'EUR', amountMinor: 1250 },
      ],
      now,
    });
    const [envelope] = priced(product);
    await repository.save(product, [envelope!], undefined);
    expect((await repository.findBySku(product.sku))?.toSnapshot()).toEqual(product.toSnapshot());
    const state = await catalogOutboxStore(catalogTableName()).stateOf({
      pk: `PRODUCT#${product.sku}`,
      sk: 'OUTBOX#0000000001#000',
    });
    expect(state).toBe('pending');
  });

  it('writes nothing when the stored version moved on: the second of two writers from one read loses', async () => {
    const product = Product.define({
      sku: uniqueSku(),
      name: 'Mug',
      prices: [{ currency: 'EUR', amountMinor: 1250 }],
      now,
    });
    await repository.save(product, priced(product), undefined);
    const first = product.reprice({ name: 'Mug', prices: [{ currency: 'EUR', amountMinor: 990 }], now }).product;
    const second = product.reprice({ name: 'Mug', prices: [{ currency: 'EUR', amountMinor: 1 }], now }).product;
    await repository.save(first, priced(first), product.version);
    await expect(repository.save(second, priced(second), product.version)).rejects.toThrow(ConcurrentProductChange);
    await expect(repository.save(product, [], undefined)).rejects.toThrow(ConcurrentProductChange);
    expect((await repository.findBySku(product.sku))?.toSnapshot().prices).toEqual([
      { currency: 'EUR', amountMinor: 990 },
    ]);
  });

  it('lists products in SKU order, a page at a time, from a cursor that is a SKU', async () => {
    const prefix = `L${randomUUID().slice(0, 6).toUpperCase()}`;
    for (const suffix of ['C', 'A', 'B']) {
      const product = Product.define({
        sku: `${prefix}-${suffix}`,
        name: suffix,
        prices: [{ currency: 'EUR', amountMinor: 1 }],
        now,
      });
      await repository.save(product, [], undefined);
    }
    const skus: string[] = [];
    let after: string | undefined = `${prefix}-`;
    do {
      const page = await repository.list({ limit: 2, after });
      skus.push(...page.products.map((product) => product.sku).filter((sku) => sku.startsWith(prefix)));
      after = page.products.some((product) => !product.sku.startsWith(prefix)) ? undefined : page.nextAfter;
    } while (after);
    expect(skus).toEqual([`${prefix}-A`, `${prefix}-B`, `${prefix}-C`]);
  });
});
