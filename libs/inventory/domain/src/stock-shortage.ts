import type { ReservationLine } from './reservation-lines';
import type { StockLevel } from './stock-item.entity';

/** Why one SKU of an order could not be reserved. */
export interface StockShortage {
  readonly sku: string;
  readonly code: 'INSUFFICIENT_STOCK' | 'UNKNOWN_SKU';
  readonly reason: string;
  readonly requested: number;
  /** What was available when inventory looked. */
  readonly available: number;
}

/** Every line the stock cannot serve, with why; empty when all of them can be reserved. */
export function shortagesFor(
  lines: readonly ReservationLine[],
  stock: ReadonlyMap<string, StockLevel>,
): StockShortage[] {
  return lines.flatMap((line): StockShortage[] => {
    const level = stock.get(line.sku);
    if (!level)
      return [
        {
          sku: line.sku,
          code: 'UNKNOWN_SKU',
          reason: `SKU ${line.sku} is not stocked`,
          requested: line.quantity,
          available: 0,
        },
      ];
    if (level.available >= line.quantity) return [];
    const reason = `insufficient stock: requested ${line.quantity}, available ${level.available}`;
    return [
      { sku: line.sku, code: 'INSUFFICIENT_STOCK', reason, requested: line.quantity, available: level.available },
    ];
  });
}
