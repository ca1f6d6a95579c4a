import type { Product, ProductPrice, ProductStatus } from '@harbor/catalog-domain';

/** A product as clients see it: an allow-list of fields, so a new attribute never leaks by accident. */
export interface ProductView {
  readonly sku: string;
  readonly name: string;
  readonly prices: readonly ProductPrice[];
  readonly status: ProductStatus;
  readonly version: number;
  readonly updatedAt: string;
}

export function toProductView(product: Product): ProductView {
  const { sku, name, prices, status, version, updatedAt } = product.toSnapshot();
  return { sku, name, prices, status, version, updatedAt: updatedAt.toISOString() };
}
