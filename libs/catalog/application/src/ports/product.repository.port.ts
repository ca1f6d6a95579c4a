import type { EventEnvelope } from '@harbor/contracts';
import type { Product } from '@harbor/catalog-domain';

export interface ProductPage {
  readonly products: readonly Product[];
  /** The last SKU of this page when more may follow: pass it back as `after`. */
  readonly nextAfter?: string;
}

/**
 * Where products live. `save` stores the product with its outbox (the envelopes to publish) in one transaction,
 * on condition that the stored version is still `expectedVersion` (undefined: the SKU is new); otherwise
 * ConcurrentProductChange and nothing is written.
 */
export interface ProductRepository {
  findBySku(sku: string): Promise<Product | undefined>;
  save(product: Product, outbox: readonly EventEnvelope[], expectedVersion: number | undefined): Promise<void>;
  /** Products in SKU order, from the one after `after`. */
  list(page: { readonly limit: number; readonly after?: string }): Promise<ProductPage>;
}
