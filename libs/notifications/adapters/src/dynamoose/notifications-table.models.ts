import * as dynamoose from 'dynamoose';
import type { ModelType } from 'dynamoose/dist/General';
import type { ConnectionDocument, NotificationDocument, PushClaimDocument } from './notifications-table.items';
import { connectionSchema, notificationSchema, pushClaimSchema } from './notifications-table.schemas';

export interface NotificationsTableModels {
  readonly connections: ModelType<ConnectionDocument>;
  readonly notifications: ModelType<NotificationDocument>;
  readonly pushClaims: ModelType<PushClaimDocument>;
}

// Dynamoose registers models and tables process-wide: build them once per table name and share them.
const modelsByTable = new Map<string, NotificationsTableModels>();

/** The item types of one notifications table, bound to it. The table itself is Terraform's: never created here. */
export function notificationsTableModels(tableName: string): NotificationsTableModels {
  const existing = modelsByTable.get(tableName);
  if (existing) return existing;
  const models: NotificationsTableModels = {
    connections: dynamoose.model<ConnectionDocument>(`${tableName}/Connection`, connectionSchema),
    notifications: dynamoose.model<NotificationDocument>(`${tableName}/Notification`, notificationSchema),
    pushClaims: dynamoose.model<PushClaimDocument>(`${tableName}/PushClaim`, pushClaimSchema),
  };
  new dynamoose.Table(tableName, [models.connections, models.notifications, models.pushClaims], {
    create: false,
    waitForActive: false,
    update: false,
  });
  modelsByTable.set(tableName, models);
  return models;
}

/** DynamoDB's answer to a write whose condition (here: the item must not exist yet) did not hold. */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';
