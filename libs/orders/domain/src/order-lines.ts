import { ORDER_LINES_MAX, ORDER_LINES_MIN } from '@harbor/contracts';
import { DuplicateSku, MixedCurrencies, OrderLineCountOutOfRange } from './errors';
import { OrderLine, type OrderLineData } from './order-line';

/**
 * Builds an order's lines, enforcing the invariants that span lines: 1–50 of them, one line per SKU, one
 * currency (the first line's). Errors name the first offending field (`lines[3].sku`).
 */
export function createOrderLines(data: readonly OrderLineData[]): OrderLine[] {
  const count = Array.isArray(data) ? data.length : 0;
  if (count < ORDER_LINES_MIN || count > ORDER_LINES_MAX) {
    throw new OrderLineCountOutOfRange({ field: 'lines', min: ORDER_LINES_MIN, max: ORDER_LINES_MAX, count });
  }
  const lines: OrderLine[] = [];
  const seenSkus = new Set<string>();
  data.forEach((lineData, index) => {
    const line = OrderLine.create(lineData, `lines[${index}]`);
    if (seenSkus.has(line.sku.value)) {
      throw new DuplicateSku({ field: `lines[${index}].sku`, sku: line.sku.value });
    }
    const currency = lines[0]?.unitPrice.currency ?? line.unitPrice.currency;
    if (line.unitPrice.currency !== currency) {
      throw new MixedCurrencies({
        field: `lines[${index}].unitPrice.currency`,
        expected: currency,
        actual: line.unitPrice.currency,
      });
    }
    seenSkus.add(line.sku.value);
    lines.push(line);
  });
  return lines;
}
