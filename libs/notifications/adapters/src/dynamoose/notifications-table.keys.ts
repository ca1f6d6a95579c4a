/*
 * Key design of the notifications table (apps/notifications/api/tables.yaml), one place for every prefix:
 *   connection    pk CONNECTION#<connectionId>      sk CONNECTION    gsi1pk CUSTOMER#<customerId>  gsi1sk <connectedAt>#<connectionId>
 *   notification  pk NOTIFICATION#<sourceEventId>  sk KIND#<kind>   (one per kind and source: the idempotency key)
 *   push claim    pk PUSH#<eventId>                 sk PUSH          (expires: redeliveries come within days)
 */

export const CONNECTION_SK = 'CONNECTION';
export const PUSH_SK = 'PUSH';
export const BY_CUSTOMER_INDEX = 'byCustomer';

export const connectionPk = (connectionId: string): string => `CONNECTION#${connectionId}`;
export const customerPk = (customerId: string): string => `CUSTOMER#${customerId}`;
/** ISO 8601 has a fixed width, so the string order of gsi1sk is connection order. */
export const customerConnectionSk = (connectedAt: Date, connectionId: string): string =>
  `${connectedAt.toISOString()}#${connectionId}`;
export const notificationPk = (sourceEventId: string): string => `NOTIFICATION#${sourceEventId}`;
export const notificationSk = (kind: string): string => `KIND#${kind}`;
export const pushPk = (eventId: string): string => `PUSH#${eventId}`;

/** Lambda retries an SNS delivery for hours, and a dead letter may be redriven days later. */
export const PUSH_CLAIM_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;
