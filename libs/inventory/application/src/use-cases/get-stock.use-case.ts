import { Sku, StockItemNotFound, type StockItem } from '@harbor/inventory-domain';
import type { StockRepository } from '../ports/stock.repository.port';

export interface GetStockCommand {
  readonly sku: string;
}

export interface GetStockDependencies {
  readonly stockRepository: StockRepository;
}

export class GetStock {
  constructor(private readonly deps: GetStockDependencies) {}

  /** A SKU's stock; one never stocked → StockItemNotFound. */
  async execute(command: GetStockCommand): Promise<StockItem> {
    const sku = Sku.create(command.sku).value;
    const item = await this.deps.stockRepository.findBySku(sku);
    if (!item) throw new StockItemNotFound({ sku });
    return item;
  }
}
