import type { Item } from 'dynamoose/dist/Item';

/** An order as stored: table and index keys around the order's own fields. Never leaves this adapter. */
export interface OrderItem {
  readonly pk: string;
  readonly sk: string;
  readonly gsi1pk: string;
  readonly gsi1sk: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly status: string;
  readonly lines: readonly OrderLineItem[];
  /** Dates in code, ISO 8601 strings in the table (the schema converts both ways). */
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** How many times the order has been written; each write is conditional on the previous value. */
  readonly version: number;
  readonly paymentId?: string;
  readonly paymentDueAt?: Date;
  readonly latePaymentIds?: readonly string[];
  readonly rejectionReasons?: readonly { readonly sku: string; readonly reason: string }[];
}

export interface OrderLineItem {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: { readonly amountMinor: number; readonly currency: string };
}

/** One event waiting to be published; the table's stream hands it to the outbox relay. */
export interface OutboxItem {
  readonly pk: string;
  readonly sk: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The envelope as JSON text: exactly the `Detail` the relay sends to EventBridge. */
  readonly envelope: string;
  readonly correlationId: string;
  /** A Date in code, epoch seconds in the table, as DynamoDB's TTL requires. */
  readonly expiresAt: Date;
  /** When the relay saw EventBridge accept the event; absent while it waits. */
  readonly publishedAt?: Date;
}

export type OrderDocument = Item & OrderItem;
export type OutboxDocument = Item & OutboxItem;

/** A customer's open-order count. */
export interface OpenOrdersDocument extends Item {
  pk: string;
  sk: string;
  open?: number;
}
