import type { Item } from 'dynamoose/dist/Item';

/** Items of the notifications table as stored. None leaves this adapter. */
export interface ConnectionRecord {
  readonly pk: string;
  readonly sk: string;
  readonly gsi1pk: string;
  readonly gsi1sk: string;
  readonly connectionId: string;
  readonly customerId: string;
  readonly connectedAt: Date;
  /** A Date in code, epoch seconds in the table, as DynamoDB's TTL requires. */
  readonly expiresAt: Date;
}

export interface NotificationRecord {
  readonly pk: string;
  readonly sk: string;
  readonly kind: string;
  readonly sourceEventId: string;
  readonly orderId: string;
  readonly customerId?: string;
  readonly status?: string;
  readonly paymentId?: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly text: string;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
}

export interface PushClaimRecord {
  readonly pk: string;
  readonly sk: string;
  readonly eventId: string;
  readonly claimedAt: Date;
  readonly expiresAt: Date;
}

export type ConnectionDocument = Item & ConnectionRecord;
export type NotificationDocument = Item & NotificationRecord;
export type PushClaimDocument = Item & PushClaimRecord;
