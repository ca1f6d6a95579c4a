import type { Item } from 'dynamoose/dist/Item';

/** Items of the inventory table as stored. None leaves this adapter. */
export interface StockItemRecord {
  readonly pk: string;
  readonly sk: string;
  readonly sku: string;
  readonly available: number;
  readonly reserved: number;
  readonly updatedAt: Date;
}

export interface ReservationRecord {
  readonly pk: string;
  readonly sk: string;
  readonly orderId: string;
  readonly status: string;
  readonly lines: readonly { readonly sku: string; readonly quantity: number }[];
  readonly shortages: readonly {
    readonly sku: string;
    readonly code: string;
    readonly reason: string;
    readonly requested: number;
    readonly available: number;
  }[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

/** One event waiting to be published; the table's stream hands it to the outbox relay. */
export interface OutboxRecord {
  readonly pk: string;
  readonly sk: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The envelope as JSON text: exactly the `Detail` the relay sends to EventBridge. */
  readonly envelope: string;
  readonly correlationId: string;
  /** A Date in code, epoch seconds in the table, as DynamoDB's TTL requires. */
  readonly expiresAt: Date;
  readonly publishedAt?: Date;
}

/** Proof an event was handled: written in the same transaction as what it changed. */
export interface HandledEventRecord {
  readonly pk: string;
  readonly sk: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly handledAt: Date;
  readonly expiresAt: Date;
}

export type StockDocument = Item & StockItemRecord;
export type ReservationDocument = Item & ReservationRecord;
export type OutboxDocument = Item & OutboxRecord;
export type HandledEventDocument = Item & HandledEventRecord;
