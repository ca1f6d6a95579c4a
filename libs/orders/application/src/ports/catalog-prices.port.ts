/** What orders knows of one catalog product: its copy of the catalog's latest ProductPriced / ProductRetired. */
export interface CatalogPrice {
  readonly sku: string;
  readonly status: 'ACTIVE' | 'RETIRED';
  /** Minor units by currency; empty once retired. */
  readonly prices: Readonly<Record<string, number>>;
  /** The catalog's version of the product: a copy never goes back to a lower one. */
  readonly version: number;
}

/**
 * Orders' read model of the catalog's prices, fed by the catalog's events. `apply` keeps an entry only when its
 * version is above the stored one (an older or repeated event changes nothing: 'stale'), so delivery order and
 * redelivery never matter.
 */
export interface CatalogPrices {
  find(skus: readonly string[]): Promise<ReadonlyMap<string, CatalogPrice>>;
  apply(entry: CatalogPrice): Promise<'applied' | 'stale'>;
}
