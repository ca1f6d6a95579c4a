import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { InvalidConsoleRequest } from '../errors';
import type { KeyType } from './table-schema';

/**
 * A key attribute's value typed as the table defines it: a string for S, a number (or its text) for N, base64 for
 * B. Anything else is the caller's error, named, before DynamoDB is asked.
 */
export function keyValue(name: string, type: KeyType, value: unknown): AttributeValue {
  if (type === 'S') {
    if (typeof value !== 'string' || value === '')
      throw new InvalidConsoleRequest(`key attribute ${name} is a string (S): give a non-empty string`);
    return { S: value };
  }
  if (type === 'N') {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || text.trim() === '' || !Number.isFinite(Number(text)))
      throw new InvalidConsoleRequest(`key attribute ${name} is a number (N): got ${JSON.stringify(value)}`);
    return { N: text };
  }
  if (typeof value !== 'string' || value === '' || Buffer.from(value, 'base64').toString('base64') !== value)
    throw new InvalidConsoleRequest(`key attribute ${name} is binary (B): give its base64`);
  return { B: Buffer.from(value, 'base64') };
}
