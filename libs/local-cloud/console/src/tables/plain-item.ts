import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/** A DynamoDB number as a JSON number when it survives the trip, else its exact text (big or very precise numbers). */
const plainNumber = (text: string): number | string => (String(Number(text)) === text ? Number(text) : text);

/** A DynamoDB item as plain JSON for the console: numbers as above, sets as arrays, binary as base64. */
export function plainItem(item: Record<string, AttributeValue>): Record<string, unknown> {
  return plain(unmarshall(item, { wrapNumbers: plainNumber })) as Record<string, unknown>;
}

function plain(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(plain);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value;
}
