import type { Notification } from '@harbor/notifications-domain';

/** `recorded` the first time; `duplicate` when a notification of that kind from that source exists (nothing written). */
export type RecordOutcome = 'recorded' | 'duplicate';

/** Where notifications are kept, one per (kind, source event): the write itself is the idempotency check. */
export interface NotificationRepository {
  record(notification: Notification): Promise<RecordOutcome>;
  findBySource(kind: Notification['kind'], sourceEventId: string): Promise<Notification | undefined>;
}
