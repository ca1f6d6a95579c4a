import type { NotificationRepository } from '@harbor/notifications-application';
import type { AdapterAccess } from '@harbor/platform-access';

/** Recording is one conditional put per (source, kind); reading one back is a consistent get. */
export const dynamooseNotificationRepositoryAccess = {
  adapter: 'DynamooseNotificationRepository',
  methods: {
    record: [{ table: 'notifications', actions: ['dynamodb:PutItem'] }],
    findBySource: [{ table: 'notifications', actions: ['dynamodb:GetItem'] }],
  },
} as const satisfies AdapterAccess<NotificationRepository>;
