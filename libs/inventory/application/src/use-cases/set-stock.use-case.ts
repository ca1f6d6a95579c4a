import { availableCount, Sku, type StockItem } from '@harbor/inventory-domain';
import type { Clock } from '@harbor/shared-kernel';
import type { StockRepository } from '../ports/stock.repository.port';

export interface SetStockCommand {
  readonly sku: string;
  readonly available: number;
}

export interface SetStockDependencies {
  readonly stockRepository: StockRepository;
  readonly clock: Clock;
}

export class SetStock {
  constructor(private readonly deps: SetStockDependencies) {}

  /** Sets what is available of a SKU (stocking it if new); what is reserved stays reserved. */
  async execute(command: SetStockCommand): Promise<StockItem> {
    const sku = Sku.create(command.sku).value;
    const available = availableCount(command.available);
    return this.deps.stockRepository.setAvailable(sku, available, this.deps.clock.now());
  }
}
