import { isRecord } from '../../core';

/** A Lambda proxy result API Gateway accepts (payload format 1.0). */
export interface ProxyResult {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly multiValueHeaders: Readonly<Record<string, readonly string[]>>;
  readonly body: string;
  readonly isBase64Encoded: boolean;
}

const ALLOWED_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

const scalar = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;

/**
 * Parses a function's result as API Gateway does; `undefined` means "Malformed Lambda proxy response", which
 * API Gateway answers with 502. Unknown keys, a non-string body or a missing status code are malformed.
 */
export const parseProxyResult = (result: unknown): ProxyResult | undefined => {
  if (!isRecord(result)) return undefined;
  if (Object.keys(result).some((key) => !ALLOWED_KEYS.has(key))) return undefined;
  const statusCode =
    typeof result['statusCode'] === 'string' && /^\d+$/.test(result['statusCode'])
      ? Number(result['statusCode'])
      : result['statusCode'];
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599)
    return undefined;
  const body = result['body'];
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  const isBase64Encoded = result['isBase64Encoded'];
  if (isBase64Encoded !== undefined && isBase64Encoded !== null && typeof isBase64Encoded !== 'boolean')
    return undefined;

  const headers: Record<string, string> = {};
  if (result['headers'] !== undefined && result['headers'] !== null) {
    if (!isRecord(result['headers'])) return undefined;
    for (const [name, value] of Object.entries(result['headers'])) {
      const text = scalar(value);
      if (text === undefined) return undefined;
      headers[name] = text;
    }
  }
  const multiValueHeaders: Record<string, string[]> = {};
  if (result['multiValueHeaders'] !== undefined && result['multiValueHeaders'] !== null) {
    if (!isRecord(result['multiValueHeaders'])) return undefined;
    for (const [name, values] of Object.entries(result['multiValueHeaders'])) {
      if (!Array.isArray(values)) return undefined;
      const texts = values.map(scalar);
      if (texts.some((text) => text === undefined)) return undefined;
      multiValueHeaders[name] = texts as string[];
    }
  }
  return { statusCode, headers, multiValueHeaders, body: body ?? '', isBase64Encoded: isBase64Encoded === true };
};

/**
 * Merges `headers` and `multiValueHeaders` as API Gateway does: one list per name; a value given in both
 * appears once, from `multiValueHeaders`.
 */
export const mergeProxyHeaders = (result: ProxyResult): Map<string, { name: string; values: string[] }> => {
  const merged = new Map<string, { name: string; values: string[] }>();
  for (const [name, values] of Object.entries(result.multiValueHeaders))
    merged.set(name.toLowerCase(), { name, values: [...values] });
  for (const [name, value] of Object.entries(result.headers)) {
    const entry = merged.get(name.toLowerCase());
    if (!entry) merged.set(name.toLowerCase(), { name, values: [value] });
    else if (!entry.values.includes(value)) entry.values.unshift(value);
  }
  return merged;
};
