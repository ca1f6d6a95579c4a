import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { InvalidConsoleRequest } from '../errors';

type Key = Record<string, AttributeValue>;

/** DynamoDB's LastEvaluatedKey as an opaque, URL-safe page token. */
export function encodeCursor(lastEvaluatedKey: Key): string {
  return Buffer.from(JSON.stringify(lastEvaluatedKey), 'utf8').toString('base64url');
}

/** The ExclusiveStartKey a page token stands for; a token this API did not issue is the caller's error. */
export function decodeCursor(cursor: string): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const isKey = typeof key === 'object' && key !== null && !Array.isArray(key) && Object.values(key).every((value) => typeof value === 'object' && value !== null);
  if (!isKey) throw new InvalidConsoleRequest('cursor is not a page token this API issued: pass nextCursor from the previous page');
  return key as Key;
}
