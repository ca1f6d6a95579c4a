import type { StockRepository } from '@harbor/inventory-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** Setting stock is one update expression; reads are consistent gets, a rejection's explanation one batch get. */
export const dynamooseStockRepositoryAccess = {
  adapter: 'DynamooseStockRepository',
  methods: {
    setAvailable: [{ table: 'inventory', actions: ['dynamodb:UpdateItem'] }],
    findBySku: [{ table: 'inventory', actions: ['dynamodb:GetItem'] }],
    findMany: [{ table: 'inventory', actions: ['dynamodb:BatchGetItem'] }],
  },
} as const satisfies AdapterAccess<StockRepository>;
