import type { Item } from 'dynamoose/dist/Item';

/** A product as stored (pk PRODUCT#<sku>, sk PRODUCT; kind and sku key the `products` index). Never leaves this adapter. */
export interface ProductRecord {
  readonly pk: string;
  readonly sk: string;
  readonly kind: string;
  readonly sku: string;
  readonly name: string;
  readonly prices: readonly { readonly currency: string; readonly amountMinor: number }[];
  readonly status: string;
  readonly version: number;
  readonly updatedAt: Date;
}

/** One event waiting to be published (pk PRODUCT#<sku>, sk OUTBOX#<version>#<position>); the stream hands it to the relay. */
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

export type ProductDocument = Item & ProductRecord;
export type OutboxDocument = Item & OutboxRecord;

export const PRODUCT_SK = 'PRODUCT';
export const PRODUCT_KIND = 'PRODUCT';
export const PRODUCTS_INDEX = 'products';
export const productPk = (sku: string): string => `PRODUCT#${sku}`;
export const outboxSk = (version: number, position: number): string =>
  `OUTBOX#${String(version).padStart(10, '0')}#${String(position).padStart(3, '0')}`;
