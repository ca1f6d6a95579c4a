import { CustomerConnection, Notification } from '@harbor/notifications-domain';
import type { ConnectionRepository } from '../ports/connection.repository.port';
import type { NotificationRepository, RecordOutcome } from '../ports/notification.repository.port';
import type { PushLedger } from '../ports/push-ledger.port';

/** The notifications table in memory: connections, notifications and push claims, with the adapters' rules. */
export class InMemoryNotifications implements ConnectionRepository, NotificationRepository, PushLedger {
  private readonly connections = new Map<string, CustomerConnection>();
  private readonly notifications = new Map<string, Notification>();
  private readonly claims = new Set<string>();

  async save(connection: CustomerConnection): Promise<void> {
    this.connections.set(connection.connectionId, CustomerConnection.restore(connection.toSnapshot()));
  }

  async remove(connectionId: string): Promise<void> {
    this.connections.delete(connectionId);
  }

  async findByCustomer(customerId: string): Promise<CustomerConnection[]> {
    return [...this.connections.values()]
      .filter((connection) => connection.customerId === customerId)
      .sort((a, b) => a.connectedAt.getTime() - b.connectedAt.getTime() || a.connectionId.localeCompare(b.connectionId))
      .map((connection) => CustomerConnection.restore(connection.toSnapshot()));
  }

  async record(notification: Notification): Promise<RecordOutcome> {
    const key = `${notification.kind}#${notification.sourceEventId}`;
    if (this.notifications.has(key)) return 'duplicate';
    this.notifications.set(key, Notification.restore(notification.toSnapshot()));
    return 'recorded';
  }

  async findBySource(kind: Notification['kind'], sourceEventId: string): Promise<Notification | undefined> {
    const found = this.notifications.get(`${kind}#${sourceEventId}`);
    return found ? Notification.restore(found.toSnapshot()) : undefined;
  }

  async claim(eventId: string): Promise<boolean> {
    if (this.claims.has(eventId)) return false;
    this.claims.add(eventId);
    return true;
  }

  async release(eventId: string): Promise<void> {
    this.claims.delete(eventId);
  }

  /** Every notification recorded, for assertions. */
  allNotifications(): Notification[] {
    return [...this.notifications.values()];
  }
}
