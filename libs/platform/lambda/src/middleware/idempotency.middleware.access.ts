import type { WiredAdapterAccess } from '@harbor/platform-access';

/**
 * Powertools' DynamoDB persistence layer on the table IDEMPOTENCY_TABLE_NAME names: a conditional put claims the
 * key, an update completes it, a delete forgets a failed request, and a get reads the stored record when the failed
 * claim did not return it. Driven by Middy, so every function wiring it with that table may need all of them.
 */
export const idempotencyAccess = {
  adapter: 'idempotency',
  whenWired: [
    {
      tableEnv: 'IDEMPOTENCY_TABLE_NAME',
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
    },
  ],
} as const satisfies WiredAdapterAccess;
