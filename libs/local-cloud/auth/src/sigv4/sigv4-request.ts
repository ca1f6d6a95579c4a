import type { SignatureV4 } from '@smithy/signature-v4';
import { createHash } from 'node:crypto';

/** The request as the gateway received it. */
export interface SigV4Request {
  readonly method: string;
  /** Path and query exactly as received (still percent-encoded), for example `/dev/orders?status=open`. */
  readonly url: string;
  /** Node's `IncomingHttpHeaders` fit. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body?: string | Uint8Array;
}

/** The request shape @smithy/signature-v4 signs. */
export type SignableRequest = Parameters<SignatureV4['presign']>[0];

/** Header names lower-cased, repeated values joined with commas (as SigV4 canonicalises them). */
export function normaliseHeaders(headers: SigV4Request['headers']): Record<string, string> {
  const normalised: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    normalised[name.toLowerCase()] = typeof value === 'string' ? value : value.join(',');
  }
  return normalised;
}

const decode = (component: string): string => {
  try {
    return decodeURIComponent(component);
  } catch {
    return component; // a malformed escape is signed as sent
  }
};

export function parseQuery(queryString: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const pair of queryString.split('&').filter((part) => part.length > 0)) {
    const separator = pair.indexOf('=');
    const key = decode(separator < 0 ? pair : pair.slice(0, separator));
    const value = separator < 0 ? '' : decode(pair.slice(separator + 1));
    const existing = query[key];
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';

/** What was signed: the method, raw path, query and only the headers the client listed in SignedHeaders. */
export function toSignableRequest(
  request: SigV4Request,
  headers: Record<string, string>,
  signedHeaders: readonly string[],
): SignableRequest {
  const queryStart = request.url.indexOf('?');
  const path = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const signed: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = headers[name];
    if (value !== undefined) signed[name] = value;
  }
  // The signer trusts a payload hash header instead of hashing the body; the body actually received must decide.
  if (signed[PAYLOAD_HASH_HEADER] !== undefined) {
    signed[PAYLOAD_HASH_HEADER] = createHash('sha256')
      .update(request.body ?? '')
      .digest('hex');
  }
  return {
    method: request.method.toUpperCase(),
    protocol: 'https:',
    hostname: headers['host'] ?? '',
    path: path || '/',
    query: queryStart < 0 ? {} : parseQuery(request.url.slice(queryStart + 1)),
    headers: signed,
    ...(request.body === undefined ? {} : { body: request.body }),
  };
}
