import { ORDER_LINES_MAX, ORDER_LINES_MIN } from '@harbor/contracts';
import { InvalidReservationLines } from './errors';
import { Sku } from './sku.value-object';
import { lineQuantity } from './stock-count';

/** Units of one SKU one reservation holds. */
export interface ReservationLine {
  readonly sku: string;
  readonly quantity: number;
}

/**
 * The lines to reserve for an order, validated, one per SKU (an order repeating a SKU asks for the sum), in
 * the order they first appear. Every line is named by its index in errors.
 */
export function reservationLines(lines: readonly ReservationLine[], field = 'lines'): ReservationLine[] {
  if (!Array.isArray(lines) || lines.length < ORDER_LINES_MIN || lines.length > ORDER_LINES_MAX) {
    throw new InvalidReservationLines({ field, rule: `must hold ${ORDER_LINES_MIN} to ${ORDER_LINES_MAX} lines` });
  }
  const bySku = new Map<string, number>();
  lines.forEach((line, index) => {
    const sku = Sku.create(line?.sku, `${field}[${index}].sku`).value;
    const quantity = lineQuantity(line.quantity, `${field}[${index}].quantity`);
    bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  });
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}
