import { ConcurrentProductChange, Product, ProductIsRetired, ProductNotFound } from '@harbor/catalog-domain';
import { FixedClock } from '@harbor/shared-kernel/testing';
import { toProductView } from '../product.view';
import { InMemoryProductRepository } from '../testing/in-memory-product.repository';
import { SequentialIdGenerator } from '../testing/fixed-ids';
import { GetProduct, ListProducts, PutProduct, RetireProduct } from './product.use-cases';

const eur = (amountMinor: number) => ({ currency: 'EUR', amountMinor });

function catalog() {
  const productRepository = new InMemoryProductRepository();
  const deps = {
    productRepository,
    clock: new FixedClock(new Date('2026-05-01T10:00:00.000Z')),
    idGenerator: new SequentialIdGenerator(),
  };
  return {
    productRepository,
    put: new PutProduct(deps),
    retire: new RetireProduct(deps),
    get: new GetProduct(deps),
    list: new ListProducts(deps),
  };
}
const payloads = (repository: InMemoryProductRepository) =>
  repository.published.map((envelope) => [envelope.eventType, envelope.payload]);

describe('catalog use cases', () => {
  it('publishes the whole price list, one version up, each time a PUT changes it', async () => {
    const { put, productRepository } = catalog();
    expect(await put.execute({ sku: 'MUG-1', name: 'Mug', prices: [eur(1250)], requestId: 'req-1' })).toMatchObject({
      created: true,
    });
    expect(await put.execute({ sku: 'MUG-1', name: 'Mug', prices: [eur(990)], requestId: 'req-2' })).toMatchObject({
      created: false,
    });
    expect(payloads(productRepository)).toEqual([
      ['ProductPriced', { sku: 'MUG-1', name: 'Mug', prices: [eur(1250)], version: 1 }],
      ['ProductPriced', { sku: 'MUG-1', name: 'Mug', prices: [eur(990)], version: 2 }],
    ]);
    expect(productRepository.published[1]).toMatchObject({ correlationId: 'req-2', causationId: 'req-2' });
  });

  it('writes and publishes nothing for a PUT that changes nothing (a seed run twice)', async () => {
    const { put, productRepository } = catalog();
    await put.execute({ sku: 'MUG-1', name: 'Mug', prices: [eur(1250)], requestId: 'req-1' });
    const again = await put.execute({ sku: 'MUG-1', name: 'Mug', prices: [eur(1250)], requestId: 'req-2' });
    expect(again.product.version).toBe(1);
    expect(productRepository.published).toHaveLength(1);
  });

  it('retires once, publishing ProductRetired, and then refuses new prices for the SKU', async () => {
    const { put, retire, productRepository } = catalog();
    await put.execute({ sku: 'MUG-1', name: 'Mug', prices: [eur(1250)], requestId: 'req-1' });
    expect(toProductView(await retire.execute({ sku: 'MUG-1', requestId: 'req-2' }))).toMatchObject({
      status: 'RETIRED',
      version: 2,
    });
    await retire.execute({ sku: 'MUG-1', requestId: 'req-3' });
    await expect(put.execute({ sku: 'MUG-1', name: 'Mug', prices: [eur(1)], requestId: 'req-4' })).rejects.toThrow(
      ProductIsRetired,
    );
    expect(payloads(productRepository).map(([type]) => type)).toEqual(['ProductPriced', 'ProductRetired']);
  });

  it('answers ProductNotFound for a SKU never put', async () => {
    const { get, retire } = catalog();
    await expect(get.execute({ sku: 'NONE-1' })).rejects.toThrow(ProductNotFound);
    await expect(retire.execute({ sku: 'NONE-1', requestId: 'req-1' })).rejects.toThrow(ProductNotFound);
  });

  it('lists in SKU order, a page at a time', async () => {
    const { put, list } = catalog();
    for (const sku of ['CUP-2', 'MUG-1', 'BOWL-3'])
      await put.execute({ sku, name: sku, prices: [eur(100)], requestId: sku });
    const first = await list.execute({ limit: 2 });
    expect(first.products.map((product) => product.sku)).toEqual(['BOWL-3', 'CUP-2']);
    const second = await list.execute({ limit: 2, after: first.nextAfter });
    expect(second).toEqual({ products: [expect.objectContaining({ sku: 'MUG-1' })] });
  });

  it('fake repository refuses a write whose expected version is stale', async () => {
    const repository = new InMemoryProductRepository();
    const product = Product.define({ sku: 'MUG-1', name: 'Mug', prices: [eur(1)], now: new Date() });
    await repository.save(product, [], undefined);
    await expect(repository.save(product, [], undefined)).rejects.toThrow(ConcurrentProductChange);
  });
});
