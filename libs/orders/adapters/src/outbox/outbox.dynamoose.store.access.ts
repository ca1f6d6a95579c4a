import type { OutboxStore } from '@harbor/platform-outbox';
import type { AdapterAccess } from '@harbor/platform-access';

/** The relay reads an outbox record's state (consistently) and marks it published with a conditional update. */
export const dynamooseOutboxStoreAccess = {
  adapter: 'DynamooseOutboxStore',
  methods: {
    stateOf: [{ table: 'orders', actions: ['dynamodb:GetItem'] }],
    markPublished: [{ table: 'orders', actions: ['dynamodb:UpdateItem'] }],
  },
} as const satisfies AdapterAccess<OutboxStore>;
