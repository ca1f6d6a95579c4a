import type { StockItemResponse } from '@harbor/contracts';
import type { StockItem } from '@harbor/inventory-domain';

/** The stock as the admin API shows it: an allow-list of fields. */
export const toStockItemView = (item: StockItem): StockItemResponse => ({
  sku: item.sku,
  available: item.available,
  reserved: item.reserved,
});
