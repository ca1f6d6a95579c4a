import type { OrderStatusDto } from '@harbor/contracts';
import { Notification, type Money } from '@harbor/notifications-domain';
import type { Clock } from '@harbor/shared-kernel';
import type { NotificationRepository, RecordOutcome } from '../ports/notification.repository.port';

interface SourceFields {
  readonly sourceEventId: string;
  readonly orderId: string;
  readonly occurredAt: Date;
}

/** One command per subscription: what its message says, in the domain's words. */
export type RecordNotificationCommand =
  | (SourceFields & { readonly kind: 'ORDER_CONFIRMED'; readonly customerId: string; readonly total: Money })
  | (SourceFields & {
      readonly kind: 'LARGE_ORDER';
      readonly customerId: string;
      readonly status: OrderStatusDto;
      readonly total: Money;
    })
  | (SourceFields & { readonly kind: 'PAYMENT_FAILED'; readonly paymentId: string; readonly amount: Money });

export interface RecordNotificationDependencies {
  readonly notifications: NotificationRepository;
  readonly clock: Clock;
}

export class RecordNotification {
  constructor(private readonly deps: RecordNotificationDependencies) {}

  /** Records the notification a message asks for; the same message again is a `duplicate` that writes nothing. */
  async execute(
    command: RecordNotificationCommand,
  ): Promise<{ readonly outcome: RecordOutcome; readonly notification: Notification }> {
    const notification = notificationFor(command, this.deps.clock.now());
    return { outcome: await this.deps.notifications.record(notification), notification };
  }
}

function notificationFor(command: RecordNotificationCommand, now: Date): Notification {
  switch (command.kind) {
    case 'ORDER_CONFIRMED':
      return Notification.orderConfirmed(command, now);
    case 'LARGE_ORDER':
      return Notification.largeOrder(command, now);
    case 'PAYMENT_FAILED':
      return Notification.paymentFailed(command, now);
  }
}
