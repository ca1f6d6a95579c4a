import type { CatalogPrice, CatalogPrices } from '../ports/catalog-prices.port';

/** CatalogPrices in a Map, for use-case tests: same contract as the Dynamoose one, no I/O. */
export class InMemoryCatalogPrices implements CatalogPrices {
  private readonly entries = new Map<string, CatalogPrice>();

  async find(skus: readonly string[]): Promise<ReadonlyMap<string, CatalogPrice>> {
    return new Map(skus.flatMap((sku) => (this.entries.has(sku) ? [[sku, this.entries.get(sku)!] as const] : [])));
  }

  async apply(entry: CatalogPrice): Promise<'applied' | 'stale'> {
    if ((this.entries.get(entry.sku)?.version ?? 0) >= entry.version) return 'stale';
    this.entries.set(entry.sku, { ...entry, prices: { ...entry.prices } });
    return 'applied';
  }

  /** Puts a SKU on sale at these prices, one version above what is stored: a test's catalog. */
  async price(sku: string, prices: Readonly<Record<string, number>>): Promise<void> {
    await this.apply({ sku, status: 'ACTIVE', prices, version: (this.entries.get(sku)?.version ?? 0) + 1 });
  }
}
