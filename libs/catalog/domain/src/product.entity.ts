import {
  CURRENCY_PATTERN,
  MONEY_MAX_AMOUNT_MINOR,
  PRODUCT_NAME_MAX_LENGTH,
  PRODUCT_PRICES_MAX,
  SKU_PATTERN,
} from '@harbor/contracts';
import { InvalidProduct, ProductIsRetired } from './errors';

export type ProductStatus = 'ACTIVE' | 'RETIRED';

export interface ProductPrice {
  readonly currency: string;
  readonly amountMinor: number;
}

/** A product as stored and shown: plain data, no behaviour. */
export interface ProductSnapshot {
  readonly sku: string;
  readonly name: string;
  readonly prices: readonly ProductPrice[];
  readonly status: ProductStatus;
  /** Counts every change from 1; the events carry it so consumers can keep the newest. */
  readonly version: number;
  readonly updatedAt: Date;
}

/** What a change of a product yields for the outbox: nothing when the change changed nothing. */
export type ProductChange = { readonly kind: 'priced' } | { readonly kind: 'retired' } | { readonly kind: 'unchanged' };

/**
 * A product on sale and its price per currency. Valid by construction; every change answers a new Product one
 * version up, except a change to what it already is (a repeated PUT), which keeps the version and publishes nothing.
 */
export class Product {
  private constructor(private readonly state: ProductSnapshot) {
    Object.freeze(this);
  }

  /** A new product at version 1. */
  static define(input: {
    readonly sku: string;
    readonly name: string;
    readonly prices: readonly ProductPrice[];
    readonly now: Date;
  }): Product {
    return Product.restore({
      sku: input.sku,
      name: input.name,
      prices: input.prices,
      status: 'ACTIVE',
      version: 1,
      updatedAt: input.now,
    });
  }

  /** A product read back from storage: checked again rather than trusted. */
  static restore(snapshot: ProductSnapshot): Product {
    if (!SKU_PATTERN.test(snapshot.sku))
      throw new InvalidProduct({ field: 'sku', rule: 'must be 2-32 characters of A-Z, 0-9 or "-"' });
    if (!Number.isInteger(snapshot.version) || snapshot.version < 1)
      throw new InvalidProduct({ field: 'version', rule: 'must be an integer from 1' });
    if (snapshot.status !== 'ACTIVE' && snapshot.status !== 'RETIRED')
      throw new InvalidProduct({ field: 'status', rule: 'must be ACTIVE or RETIRED' });
    if (Number.isNaN(snapshot.updatedAt.getTime()))
      throw new InvalidProduct({ field: 'updatedAt', rule: 'must be a valid date' });
    return new Product({
      ...snapshot,
      name: productName(snapshot.name),
      prices: productPrices(snapshot.prices),
      updatedAt: new Date(snapshot.updatedAt),
    });
  }

  get sku(): string {
    return this.state.sku;
  }
  get version(): number {
    return this.state.version;
  }
  get isRetired(): boolean {
    return this.state.status === 'RETIRED';
  }

  /** New name and prices; a retired product refuses (ProductIsRetired). */
  reprice(input: { readonly name: string; readonly prices: readonly ProductPrice[]; readonly now: Date }): {
    product: Product;
    change: ProductChange;
  } {
    if (this.isRetired) throw new ProductIsRetired({ sku: this.sku });
    const next = Product.restore({ ...this.state, name: input.name, prices: input.prices });
    if (samePricing(this, next)) return { product: this, change: { kind: 'unchanged' } };
    return {
      product: new Product({ ...next.state, version: this.version + 1, updatedAt: new Date(input.now) }),
      change: { kind: 'priced' },
    };
  }

  /** No longer sold. Retiring twice changes nothing the second time. */
  retire(now: Date): { product: Product; change: ProductChange } {
    if (this.isRetired) return { product: this, change: { kind: 'unchanged' } };
    return {
      product: new Product({ ...this.state, status: 'RETIRED', version: this.version + 1, updatedAt: new Date(now) }),
      change: { kind: 'retired' },
    };
  }

  toSnapshot(): ProductSnapshot {
    return {
      ...this.state,
      prices: this.state.prices.map((price) => ({ ...price })),
      updatedAt: new Date(this.state.updatedAt),
    };
  }
}

function productName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length === 0 || trimmed.length > PRODUCT_NAME_MAX_LENGTH) {
    throw new InvalidProduct({ field: 'name', rule: `must hold 1 to ${PRODUCT_NAME_MAX_LENGTH} characters` });
  }
  return trimmed;
}

/** Sorted by currency, so two equal price lists compare equal whatever order a client sent them in. */
function productPrices(prices: readonly ProductPrice[]): ProductPrice[] {
  if (!Array.isArray(prices) || prices.length < 1 || prices.length > PRODUCT_PRICES_MAX) {
    throw new InvalidProduct({ field: 'prices', rule: `must hold 1 to ${PRODUCT_PRICES_MAX} prices` });
  }
  const seen = new Set<string>();
  prices.forEach((price, index) => {
    if (!CURRENCY_PATTERN.test(price.currency))
      throw new InvalidProduct({ field: `prices[${index}].currency`, rule: 'must be an ISO 4217 code' });
    if (!Number.isInteger(price.amountMinor) || price.amountMinor < 0 || price.amountMinor > MONEY_MAX_AMOUNT_MINOR) {
      throw new InvalidProduct({
        field: `prices[${index}].amountMinor`,
        rule: `must be an integer from 0 to ${MONEY_MAX_AMOUNT_MINOR}`,
      });
    }
    if (seen.has(price.currency))
      throw new InvalidProduct({ field: `prices[${index}].currency`, rule: 'must name each currency once' });
    seen.add(price.currency);
  });
  return prices
    .map(({ currency, amountMinor }) => ({ currency, amountMinor }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

function samePricing(a: Product, b: Product): boolean {
  const [left, right] = [a.toSnapshot(), b.toSnapshot()];
  return left.name === right.name && JSON.stringify(left.prices) === JSON.stringify(right.prices);
}
