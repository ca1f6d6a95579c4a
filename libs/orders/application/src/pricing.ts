import type { OrderLineData } from '@harbor/orders-domain';
import { SkusNotOrderable, type UnorderableReason } from './errors';
import type { CatalogPrice, CatalogPrices } from './ports/catalog-prices.port';

/** A line as the customer asked for it: no price, which is never the client's to say. */
export interface RequestedLine {
  readonly sku: string;
  readonly quantity: number;
}

function reasonFor(entry: CatalogPrice | undefined, currency: string): UnorderableReason | undefined {
  if (!entry) return 'UNKNOWN_SKU';
  if (entry.status === 'RETIRED') return 'RETIRED';
  return entry.prices[currency] === undefined ? 'NOT_PRICED_IN_CURRENCY' : undefined;
}

/** Prices every line from orders' copy of the catalog; any line it cannot price → SkusNotOrderable naming each. */
export async function priceLines(
  lines: readonly RequestedLine[],
  currency: string,
  catalog: CatalogPrices,
): Promise<OrderLineData[]> {
  const entries = await catalog.find([...new Set(lines.map((line) => line.sku))]);
  const refused = lines.flatMap((line, index) => {
    const reason = reasonFor(entries.get(line.sku), currency);
    return reason ? [{ field: `lines[${index}].sku`, sku: line.sku, reason }] : [];
  });
  if (refused.length > 0) throw new SkusNotOrderable({ currency, skus: refused });
  return lines.map((line) => ({
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: { amountMinor: entries.get(line.sku)!.prices[currency]!, currency },
  }));
}
