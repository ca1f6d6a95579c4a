import { Product, ProductNotFound, type ProductPrice } from '@harbor/catalog-domain';
import { productOutbox } from '../product-event-envelopes';
import type { ProductPage, ProductRepository } from '../ports/product.repository.port';
import type { Clock } from '@harbor/shared-kernel';
import type { IdGenerator } from '../ports/id-generator.port';

export interface CatalogDependencies {
  readonly productRepository: ProductRepository;
  readonly clock: Clock;
  readonly idGenerator: IdGenerator;
}

export interface PutProductCommand {
  readonly sku: string;
  readonly name: string;
  readonly prices: readonly ProductPrice[];
  readonly requestId: string;
}

/** Puts a product on sale or changes its name and prices (ProductPriced); a PUT that changes nothing writes nothing. */
export class PutProduct {
  constructor(private readonly deps: CatalogDependencies) {}

  async execute(command: PutProductCommand): Promise<{ product: Product; created: boolean }> {
    const { productRepository, clock, idGenerator } = this.deps;
    const now = clock.now();
    const stored = await productRepository.findBySku(command.sku);
    const { product, change } = stored
      ? stored.reprice({ name: command.name, prices: command.prices, now })
      : {
          product: Product.define({ sku: command.sku, name: command.name, prices: command.prices, now }),
          change: { kind: 'priced' } as const,
        };
    if (change.kind !== 'unchanged') {
      await productRepository.save(
        product,
        productOutbox(product, change, { idGenerator, occurredAt: now, requestId: command.requestId }),
        stored?.version,
      );
    }
    return { product, created: stored === undefined };
  }
}

/** Takes a product off sale (ProductRetired). Retiring a retired product answers it as it is. */
export class RetireProduct {
  constructor(private readonly deps: CatalogDependencies) {}

  async execute(command: { readonly sku: string; readonly requestId: string }): Promise<Product> {
    const { productRepository, clock, idGenerator } = this.deps;
    const stored = await productRepository.findBySku(command.sku);
    if (!stored) throw new ProductNotFound({ sku: command.sku });
    const now = clock.now();
    const { product, change } = stored.retire(now);
    if (change.kind !== 'unchanged') {
      await productRepository.save(
        product,
        productOutbox(product, change, { idGenerator, occurredAt: now, requestId: command.requestId }),
        stored.version,
      );
    }
    return product;
  }
}

export class GetProduct {
  constructor(private readonly deps: Pick<CatalogDependencies, 'productRepository'>) {}

  /** One product, retired ones included; a SKU never put → ProductNotFound. */
  async execute(query: { readonly sku: string }): Promise<Product> {
    const product = await this.deps.productRepository.findBySku(query.sku);
    if (!product) throw new ProductNotFound({ sku: query.sku });
    return product;
  }
}

export class ListProducts {
  constructor(private readonly deps: Pick<CatalogDependencies, 'productRepository'>) {}

  execute(query: { readonly limit: number; readonly after?: string }): Promise<ProductPage> {
    return this.deps.productRepository.list(query);
  }
}
