import type { ReservationRepository } from '@harbor/inventory-application';
import type { AdapterAccess } from '@harbor/platform-access';

/**
 * Each write is one transaction: Puts of the handled-event marker, a new reservation and the outbox records;
 * Updates of stock lines and of a released reservation (conditions ride on those items, no ConditionCheck).
 */
export const dynamooseReservationRepositoryAccess = {
  adapter: 'DynamooseReservationRepository',
  methods: {
    findByOrderId: [{ table: 'inventory', actions: ['dynamodb:GetItem'] }],
    reserve: [{ table: 'inventory', actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'] }],
    record: [{ table: 'inventory', actions: ['dynamodb:PutItem'] }],
    release: [{ table: 'inventory', actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'] }],
  },
} as const satisfies AdapterAccess<ReservationRepository>;
