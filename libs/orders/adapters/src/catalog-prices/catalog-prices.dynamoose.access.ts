import type { CatalogPrices } from '@harbor/orders-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** A lookup is one BatchGetItem (again for keys left unprocessed); an update one conditional PutItem. */
export const dynamooseCatalogPricesAccess = {
  adapter: 'DynamooseCatalogPrices',
  methods: {
    find: [{ table: 'orders-prices', actions: ['dynamodb:BatchGetItem'] }],
    apply: [{ table: 'orders-prices', actions: ['dynamodb:PutItem'] }],
  },
} as const satisfies AdapterAccess<CatalogPrices>;
