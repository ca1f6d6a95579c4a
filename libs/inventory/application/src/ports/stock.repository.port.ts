import type { StockItem, StockLevel } from '@harbor/inventory-domain';

/** Where each SKU's stock lives. */
export interface StockRepository {
  /**
   * Sets what is available of `sku` in one conditional-free write that leaves `reserved` as it is (0 for a SKU
   * never stocked), and answers the stored stock. Never a read-then-write: a reservation running at the same
   * moment is not lost.
   */
  setAvailable(sku: string, available: number, now: Date): Promise<StockItem>;

  findBySku(sku: string): Promise<StockItem | undefined>;

  /** The stored stock of each of these SKUs that has any (absent SKUs are left out). */
  findMany(skus: readonly string[]): Promise<Map<string, StockLevel>>;
}
