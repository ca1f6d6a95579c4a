/*
 * Key design of the orders table (apps/orders/api/tables.yaml), one place for every prefix:
 *   order          pk ORDER#<orderId>  sk ORDER                        gsi1pk CUSTOMER#<customerId>  gsi1sk <createdAt>#<orderId>
 *   outbox record  pk ORDER#<orderId>  sk OUTBOX#<version>#<position>  (not in the index: the byCustomer index is sparse)
 *   open orders    pk CUSTOMER#<customerId>  sk OPEN_ORDERS  open <count>  (one per customer, not in the index)
 * An order and its outbox share a partition, so one transaction writes both and a query reads them in write order.
 */

export const BY_CUSTOMER_INDEX = 'byCustomer';
export const ORDER_SK = 'ORDER';
export const OUTBOX_SK_PREFIX = 'OUTBOX#';
export const OPEN_ORDERS_SK = 'OPEN_ORDERS';

const ORDER_PK_PREFIX = 'ORDER#';
const CUSTOMER_PK_PREFIX = 'CUSTOMER#';

export const orderPk = (orderId: string): string => `${ORDER_PK_PREFIX}${orderId}`;

export const customerPk = (customerId: string): string => `${CUSTOMER_PK_PREFIX}${customerId}`;

/** ISO 8601 UTC instants of one width sort as strings in time order; the id breaks ties. */
export const customerOrderSk = (createdAtIso: string, orderId: string): string => `${createdAtIso}#${orderId}`;

/** Zero-padded so that string order is write order: by stored version, then position in that write. */
export const outboxSk = (storedVersion: number, position: number): string =>
  `${OUTBOX_SK_PREFIX}${String(storedVersion).padStart(10, '0')}#${String(position).padStart(3, '0')}`;

/** A transaction holds at most 100 items: the order, its customer's open-order count and this many outbox records. */
export const MAX_OUTBOX_PER_WRITE = 98;
