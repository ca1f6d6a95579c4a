import type { OutboxStore } from '@harbor/platform-outbox';
import type { AdapterAccess } from '@harbor/platform-access';

/** The relay reads an outbox record's state (consistently) and marks it published with a conditional update. */
export const catalogOutboxStoreAccess = {
  adapter: 'catalogOutboxStore',
  methods: {
    stateOf: [{ table: 'catalog', actions: ['dynamodb:GetItem'] }],
    markPublished: [{ table: 'catalog', actions: ['dynamodb:UpdateItem'] }],
  },
} as const satisfies AdapterAccess<OutboxStore>;
