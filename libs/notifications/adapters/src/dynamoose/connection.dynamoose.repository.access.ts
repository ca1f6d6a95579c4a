import type { ConnectionRepository } from '@harbor/notifications-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** A connection is put and deleted by id; a customer's connections are read from the byCustomer index. */
export const dynamooseConnectionRepositoryAccess = {
  adapter: 'DynamooseConnectionRepository',
  methods: {
    save: [{ table: 'notifications', actions: ['dynamodb:PutItem'] }],
    remove: [{ table: 'notifications', actions: ['dynamodb:DeleteItem'] }],
    findByCustomer: [{ table: 'notifications', index: 'byCustomer', actions: ['dynamodb:Query'] }],
  },
} as const satisfies AdapterAccess<ConnectionRepository>;
