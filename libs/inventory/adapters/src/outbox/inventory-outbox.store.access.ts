import type { AdapterAccess, OutboxStore } from '@harbor/platform-outbox';

/** The relay reads an outbox record's state (consistently) and marks it published with a conditional update. */
export const inventoryOutboxStoreAccess = {
  adapter: 'inventoryOutboxStore',
  methods: {
    stateOf: [{ table: 'inventory', actions: ['dynamodb:GetItem'] }],
    markPublished: [{ table: 'inventory', actions: ['dynamodb:UpdateItem'] }],
  },
} as const satisfies AdapterAccess<OutboxStore>;
