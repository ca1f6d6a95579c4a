import { InvalidPageCursor } from '@harbor/orders-application';
import type { ObjectType } from 'dynamoose/dist/General';
import { customerOrderSk, customerPk, ORDER_SK, orderPk } from './orders-table.keys';

/*
 * The page cursor is the query's LastEvaluatedKey, reduced to what it cannot be rebuilt without (the order's
 * createdAt and id) and base64url-encoded. Coming back, it is checked field by field and the key is rebuilt for
 * the customer being listed, so a forged cursor can at most move the start within that customer's own orders.
 */

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

interface PagePosition {
  readonly createdAt: string;
  readonly orderId: string;
}

const isPosition = (createdAt: unknown, orderId: unknown): boolean =>
  typeof createdAt === 'string' &&
  ISO_INSTANT.test(createdAt) &&
  new Date(createdAt).toISOString() === createdAt &&
  typeof orderId === 'string' &&
  UUID.test(orderId);

/** A cursor for the page after `lastKey` (a byCustomer LastEvaluatedKey). */
export function encodePageCursor(lastKey: ObjectType): string {
  const gsi1sk: unknown = lastKey['gsi1sk'];
  const separator = typeof gsi1sk === 'string' ? gsi1sk.indexOf('#') : -1;
  const position =
    separator < 0
      ? undefined
      : { createdAt: String(gsi1sk).slice(0, separator), orderId: String(gsi1sk).slice(separator + 1) };
  if (!position || !isPosition(position.createdAt, position.orderId) || lastKey['pk'] !== orderPk(position.orderId)) {
    throw new Error(`Unexpected LastEvaluatedKey from the byCustomer index: ${JSON.stringify(Object.keys(lastKey))}`);
  }
  return Buffer.from(JSON.stringify([position.createdAt, position.orderId])).toString('base64url');
}

/** The ExclusiveStartKey a cursor stands for; anything this adapter did not issue → InvalidPageCursor. */
export function decodePageCursor(cursor: string, customerId: string): ObjectType {
  const position = parsePosition(cursor);
  return {
    pk: orderPk(position.orderId),
    sk: ORDER_SK,
    gsi1pk: customerPk(customerId),
    gsi1sk: customerOrderSk(position.createdAt, position.orderId),
  };
}

function parsePosition(cursor: string): PagePosition {
  if (BASE64URL.test(cursor)) {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(decoded) && decoded.length === 2 && isPosition(decoded[0], decoded[1])) {
        return { createdAt: decoded[0], orderId: decoded[1] };
      }
    } catch {
      // Not JSON: as invalid as any other cursor we did not issue.
    }
  }
  throw new InvalidPageCursor();
}
