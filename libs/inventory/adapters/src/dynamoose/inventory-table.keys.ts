/*
 * Key design of the inventory table (apps/inventory/api/tables.yaml), one place for every prefix:
 *   stock item      pk SKU#<sku>              sk STOCK
 *   reservation     pk RESERVATION#<orderId>  sk RESERVATION
 *   outbox record   pk RESERVATION#<orderId>  sk OUTBOX#<version>#<position>
 *   handled event   pk EVENT#<eventId>        sk HANDLED   (expires: redeliveries come within a day)
 * A reservation and its outbox share a partition, so a query reads them in write order.
 */

export const STOCK_SK = 'STOCK';
export const RESERVATION_SK = 'RESERVATION';
export const HANDLED_SK = 'HANDLED';
export const OUTBOX_SK_PREFIX = 'OUTBOX#';

export const stockPk = (sku: string): string => `SKU#${sku}`;
export const reservationPk = (orderId: string): string => `RESERVATION#${orderId}`;
export const handledEventPk = (eventId: string): string => `EVENT#${eventId}`;

/** Zero-padded so that string order is write order: by stored version, then position in that write. */
export const outboxSk = (storedVersion: number, position: number): string =>
  `${OUTBOX_SK_PREFIX}${String(storedVersion).padStart(10, '0')}#${String(position).padStart(3, '0')}`;

/** A transaction holds at most 100 items: the handled event, the reservation, up to 50 stock lines, and the outbox. */
export const MAX_OUTBOX_PER_WRITE = 10;
