import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { InvalidConsoleRequest } from '../errors';

type Key = Record<string, AttributeValue>;

/** DynamoDB's LastEvaluatedKey as an opaque, URL-safe page token. */
export function encodeCursor(lastEvaluatedKey: Key): string {
  return Buffer.from(JSON.stringify(lastEvaluatedKey), 'utf8').toString('base64url');
}

const KEY_TYPES = new Set(['S', 'N', 'B']);
const NOT_ISSUED = 'cursor is not a page token this API issued: pass nextCursor from the previous page';

/** One key attribute value as DynamoDB writes it: exactly one of S, N or B, holding a string. */
const isKeyValue = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length === 1 && KEY_TYPES.has(entries[0][0]) && typeof entries[0][1] === 'string';
};

/**
 * The ExclusiveStartKey a page token stands for. A Scan's LastEvaluatedKey holds the table's key attributes and
 * nothing else, so a token that holds anything else was not issued here and is the caller's error.
 */
export function decodeCursor(cursor: string, keyAttributes: readonly string[]): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new InvalidConsoleRequest(NOT_ISSUED);
  const names = Object.keys(key);
  const isKey =
    names.length === keyAttributes.length &&
    keyAttributes.every((name) => isKeyValue((key as Record<string, unknown>)[name]));
  if (!isKey) throw new InvalidConsoleRequest(NOT_ISSUED);
  return key as Key;
}
