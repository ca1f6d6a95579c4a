import type { StockRepository } from '@harbor/inventory-application';
import { StockItem, type StockLevel } from '@harbor/inventory-domain';
import { STOCK_SK, stockPk } from './inventory-table.keys';
import { inventoryTableModels, type InventoryTableModels } from './inventory-table.models';
import type { StockItemRecord } from './inventory-table.items';

export interface DynamooseStockRepositoryOptions {
  /** Physical name of the inventory table (the function's INVENTORY_TABLE_NAME). */
  readonly tableName: string;
}

const toLevel = (record: StockItemRecord): StockLevel => ({
  sku: record.sku,
  available: record.available,
  reserved: record.reserved,
});

/** StockRepository on the inventory table through Dynamoose. */
export class DynamooseStockRepository implements StockRepository {
  private readonly models: InventoryTableModels;

  constructor(options: DynamooseStockRepositoryOptions) {
    if (!options.tableName) throw new TypeError('DynamooseStockRepository needs a tableName');
    this.models = inventoryTableModels(options.tableName);
  }

  async setAvailable(sku: string, available: number, now: Date): Promise<StockItem> {
    const valid = StockItem.empty(sku).withAvailable(available);
    // One UpdateItem: SET available, and ADD 0 to reserved (which starts a new item's reserved at 0 and leaves an
    // existing one alone), so a reservation committed meanwhile is never overwritten.
    const stored = await this.models.stock.update(
      { pk: stockPk(valid.sku), sk: STOCK_SK },
      { $SET: { sku: valid.sku, available: valid.available, updatedAt: now }, $ADD: { reserved: 0 } },
      { returnValues: 'ALL_NEW' },
    );
    return StockItem.fromLevel(toLevel(stored));
  }

  async findBySku(sku: string): Promise<StockItem | undefined> {
    const item = await this.models.stock.get({ pk: stockPk(sku), sk: STOCK_SK }, { consistent: true });
    return item ? StockItem.fromLevel(toLevel(item)) : undefined;
  }

  async findMany(skus: readonly string[]): Promise<Map<string, StockLevel>> {
    const unique = [...new Set(skus)];
    if (unique.length === 0) return new Map();
    const items = await this.models.stock.batchGet(unique.map((sku) => ({ pk: stockPk(sku), sk: STOCK_SK })));
    return new Map(items.map((item) => [item.sku, toLevel(item)]));
  }
}
