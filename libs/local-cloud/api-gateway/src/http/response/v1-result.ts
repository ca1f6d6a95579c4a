import { isRecord } from '../../core';
import { scalar, statusOf, type V2Result } from './v2-result';

/**
 * A function's answer to a payload 1.0 event. Unlike 2.0 nothing is inferred: it must be an object with
 * `statusCode` (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html),
 * else API Gateway answers 500. `headers` and `multiValueHeaders` are merged into one list per name, a value in
 * both appearing once (as Lambda proxy responses merge them); each `set-cookie` value becomes its own header.
 * `undefined` means malformed.
 */
export const parseV1Result = (result: unknown): V2Result | undefined => {
  if (!isRecord(result)) return undefined;
  const statusCode = statusOf(result['statusCode']);
  if (statusCode === undefined) return undefined;
  const values = new Map<string, { name: string; values: string[] }>();
  const add = (name: string, value: string): void => {
    const entry = values.get(name.toLowerCase()) ?? { name, values: [] };
    entry.values.push(value);
    values.set(name.toLowerCase(), entry);
  };
  const multi = result['multiValueHeaders'];
  if (multi !== undefined && multi !== null) {
    if (!isRecord(multi)) return undefined;
    for (const [name, list] of Object.entries(multi)) {
      if (!Array.isArray(list)) return undefined;
      for (const item of list) {
        const text = scalar(item);
        if (text === undefined) return undefined;
        add(name, text);
      }
    }
  }
  const single = result['headers'];
  if (single !== undefined && single !== null) {
    if (!isRecord(single)) return undefined;
    for (const [name, value] of Object.entries(single)) {
      const text = scalar(value);
      if (text === undefined) return undefined;
      if (!values.get(name.toLowerCase())?.values.includes(text)) add(name, text);
    }
  }
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [lower, entry] of values) {
    if (lower === 'set-cookie') cookies.push(...entry.values);
    else headers[entry.name] = entry.values.join(',');
  }
  const body = result['body'] ?? '';
  if (typeof body !== 'string') return undefined;
  const base64 = result['isBase64Encoded'] ?? false;
  if (typeof base64 !== 'boolean') return undefined;
  return { statusCode, headers, cookies, body: base64 ? Buffer.from(body, 'base64') : body };
};
