import type { OrderRepository } from '@harbor/orders-application';
import type { AdapterAccess } from '@harbor/platform-outbox';

/** Each write is one transaction of Puts (the order, conditional on its version, and its outbox records). */
export const dynamooseOrderRepositoryAccess = {
  adapter: 'DynamooseOrderRepository',
  methods: {
    create: [{ table: 'orders', actions: ['dynamodb:PutItem'] }],
    findById: [{ table: 'orders', actions: ['dynamodb:GetItem'] }],
    listByCustomer: [{ table: 'orders', index: 'byCustomer', actions: ['dynamodb:Query'] }],
    save: [{ table: 'orders', actions: ['dynamodb:PutItem'] }],
  },
} as const satisfies AdapterAccess<OrderRepository>;
