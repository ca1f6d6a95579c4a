import type { EventEnvelope } from '@harbor/contracts';
import { ConcurrentProductChange, Product } from '@harbor/catalog-domain';
import type { ProductPage, ProductRepository } from '../ports/product.repository.port';

/** ProductRepository in a Map, for use-case tests: same contract as the Dynamoose one, no I/O. */
export class InMemoryProductRepository implements ProductRepository {
  private readonly products = new Map<string, Product>();
  /** Every envelope saved, in order: what the relay would publish. */
  readonly published: EventEnvelope[] = [];

  async findBySku(sku: string): Promise<Product | undefined> {
    const stored = this.products.get(sku);
    return stored && Product.restore(stored.toSnapshot());
  }

  async save(product: Product, outbox: readonly EventEnvelope[], expectedVersion: number | undefined): Promise<void> {
    if (this.products.get(product.sku)?.version !== expectedVersion)
      throw new ConcurrentProductChange({ sku: product.sku });
    this.products.set(product.sku, Product.restore(product.toSnapshot()));
    this.published.push(...outbox);
  }

  async list(page: { readonly limit: number; readonly after?: string }): Promise<ProductPage> {
    const skus = [...this.products.keys()].sort().filter((sku) => page.after === undefined || sku > page.after);
    const products = skus.slice(0, page.limit).map((sku) => this.products.get(sku)!);
    return skus.length > page.limit ? { products, nextAfter: products.at(-1)!.sku } : { products };
  }
}
