import type { OrderRepository } from '@harbor/orders-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** Each write is one transaction: Puts of the order (on its version) and its outbox, an Update of the open-order count. */
export const dynamooseOrderRepositoryAccess = {
  adapter: 'DynamooseOrderRepository',
  methods: {
    create: [{ table: 'orders', actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'] }],
    findById: [{ table: 'orders', actions: ['dynamodb:GetItem'] }],
    listByCustomer: [{ table: 'orders', index: 'byCustomer', actions: ['dynamodb:Query'] }],
    save: [{ table: 'orders', actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'] }],
  },
} as const satisfies AdapterAccess<OrderRepository>;
