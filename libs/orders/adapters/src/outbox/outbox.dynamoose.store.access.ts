import type { AdapterAccess, OutboxStore } from '@harbor/platform-outbox';

/** The relay reads an outbox record's state (consistently) and marks it published with a conditional update. */
export const dynamooseOutboxStoreAccess = {
  adapter: 'DynamooseOutboxStore',
  methods: {
    stateOf: [{ table: 'orders', actions: ['dynamodb:GetItem'] }],
    markPublished: [{ table: 'orders', actions: ['dynamodb:UpdateItem'] }],
  },
} as const satisfies AdapterAccess<OutboxStore>;
