import type { NotificationRepository, RecordOutcome } from '@harbor/notifications-application';
import { Notification, type NotificationKind } from '@harbor/notifications-domain';
import type { OrderStatusDto } from '@harbor/contracts';
import type { DynamooseRepositoryOptions } from './connection.dynamoose.repository';
import { notificationPk, notificationSk } from './notifications-table.keys';
import {
  isConditionFailure,
  notificationsTableModels,
  type NotificationsTableModels,
} from './notifications-table.models';
import type { NotificationRecord } from './notifications-table.items';

const toPersistence = (notification: Notification): NotificationRecord => {
  const snapshot = notification.toSnapshot();
  return {
    pk: notificationPk(snapshot.sourceEventId),
    sk: notificationSk(snapshot.kind),
    kind: snapshot.kind,
    sourceEventId: snapshot.sourceEventId,
    orderId: snapshot.orderId,
    ...(snapshot.customerId !== undefined ? { customerId: snapshot.customerId } : {}),
    ...(snapshot.status !== undefined ? { status: snapshot.status } : {}),
    ...(snapshot.paymentId !== undefined ? { paymentId: snapshot.paymentId } : {}),
    amountMinor: snapshot.amount.amountMinor,
    currency: snapshot.amount.currency,
    text: snapshot.text,
    occurredAt: snapshot.occurredAt,
    recordedAt: snapshot.recordedAt,
  };
};

const toDomain = (record: NotificationRecord): Notification =>
  Notification.restore({
    kind: record.kind as NotificationKind,
    sourceEventId: record.sourceEventId,
    orderId: record.orderId,
    ...(record.customerId !== undefined ? { customerId: record.customerId } : {}),
    ...(record.status !== undefined ? { status: record.status as OrderStatusDto } : {}),
    ...(record.paymentId !== undefined ? { paymentId: record.paymentId } : {}),
    amount: { amountMinor: record.amountMinor, currency: record.currency },
    text: record.text,
    occurredAt: new Date(record.occurredAt),
    recordedAt: new Date(record.recordedAt),
  });

/** NotificationRepository on the notifications table: a conditional put per (source, kind) makes it idempotent. */
export class DynamooseNotificationRepository implements NotificationRepository {
  private readonly models: NotificationsTableModels;

  constructor(options: DynamooseRepositoryOptions) {
    if (!options.tableName) throw new TypeError('DynamooseNotificationRepository needs a tableName');
    this.models = notificationsTableModels(options.tableName);
  }

  async record(notification: Notification): Promise<RecordOutcome> {
    try {
      // overwrite: false adds attribute_not_exists(pk): the first delivery writes, a redelivery finds it there.
      await this.models.notifications.create(toPersistence(notification), { overwrite: false });
      return 'recorded';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  }

  async findBySource(kind: NotificationKind, sourceEventId: string): Promise<Notification | undefined> {
    const item = await this.models.notifications.get(
      { pk: notificationPk(sourceEventId), sk: notificationSk(kind) },
      { consistent: true },
    );
    return item ? toDomain(item) : undefined;
  }
}
