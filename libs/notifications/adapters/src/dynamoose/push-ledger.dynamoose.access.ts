import type { PushLedger } from '@harbor/notifications-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** A push is claimed with a conditional put and released by deleting the claim. */
export const dynamoosePushLedgerAccess = {
  adapter: 'DynamoosePushLedger',
  methods: {
    claim: [{ table: 'notifications', actions: ['dynamodb:PutItem'] }],
    release: [{ table: 'notifications', actions: ['dynamodb:DeleteItem'] }],
  },
} as const satisfies AdapterAccess<PushLedger>;
