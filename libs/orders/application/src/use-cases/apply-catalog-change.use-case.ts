import type { ProductPricedPayload, ProductRetiredPayload } from '@harbor/contracts';
import type { CatalogPrice, CatalogPrices } from '../ports/catalog-prices.port';

export type CatalogChange =
  | { readonly eventType: 'ProductPriced'; readonly payload: ProductPricedPayload }
  | { readonly eventType: 'ProductRetired'; readonly payload: ProductRetiredPayload };

/** Keeps orders' copy of the catalog: the newest version of each product wins, whatever order the events come in. */
export class ApplyCatalogChange {
  constructor(private readonly deps: { readonly catalogPrices: CatalogPrices }) {}

  execute(change: CatalogChange): Promise<'applied' | 'stale'> {
    return this.deps.catalogPrices.apply(toEntry(change));
  }
}

function toEntry(change: CatalogChange): CatalogPrice {
  if (change.eventType === 'ProductRetired')
    return { sku: change.payload.sku, status: 'RETIRED', prices: {}, version: change.payload.version };
  const { sku, prices, version } = change.payload;
  return {
    sku,
    status: 'ACTIVE',
    prices: Object.fromEntries(prices.map((price) => [price.currency, price.amountMinor])),
    version,
  };
}
