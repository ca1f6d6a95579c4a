import type { ProductRepository } from '@harbor/catalog-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** A read is one GetItem; a save is one transaction (Put of a new product or Update of a stored one, Puts of its outbox). */
export const dynamooseProductRepositoryAccess = {
  adapter: 'DynamooseProductRepository',
  methods: {
    findBySku: [{ table: 'catalog', actions: ['dynamodb:GetItem'] }],
    save: [{ table: 'catalog', actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'] }],
    list: [{ table: 'catalog', index: 'products', actions: ['dynamodb:Query'] }],
  },
} as const satisfies AdapterAccess<ProductRepository>;
