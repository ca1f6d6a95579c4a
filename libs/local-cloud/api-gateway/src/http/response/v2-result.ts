import { isRecord } from '../../core';

/** A function's answer, interpreted as an HTTP API does with payload format 2.0. */
export interface V2Result {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Each becomes one `Set-Cookie` header. */
  readonly cookies: readonly string[];
  readonly body: Buffer | string;
}

/** A header value as API Gateway takes it: strings, numbers and booleans; anything else is dropped. */
export const scalar = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;

/** A status code, as a number or a string of digits, within 100–599. */
export const statusOf = (value: unknown): number | undefined => {
  const status = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
};

/**
 * With payload 2.0 a function may return just a value: anything that is not an object with `statusCode` is taken
 * as a 200 `application/json` response whose body is the value (a string as is, anything else as JSON). An object
 * with `statusCode` is a response; `undefined` means it is malformed, which API Gateway answers with a 500.
 */
export const parseV2Result = (result: unknown): V2Result | undefined => {
  if (!isRecord(result) || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body };
  }
  const statusCode = statusOf(result['statusCode']);
  if (statusCode === undefined) return undefined;
  const headers: Record<string, string> = {};
  if (result['headers'] !== undefined && result['headers'] !== null) {
    if (!isRecord(result['headers'])) return undefined;
    for (const [name, value] of Object.entries(result['headers'])) {
      const text = scalar(value);
      if (text === undefined) return undefined;
      headers[name] = text;
    }
  }
  const cookies = result['cookies'] ?? [];
  if (!Array.isArray(cookies) || cookies.some((cookie) => typeof cookie !== 'string')) return undefined;
  const body = result['body'] ?? '';
  if (typeof body !== 'string') return undefined;
  const base64 = result['isBase64Encoded'] ?? false;
  if (typeof base64 !== 'boolean') return undefined;
  return { statusCode, headers, cookies: cookies as string[], body: base64 ? Buffer.from(body, 'base64') : body };
};
