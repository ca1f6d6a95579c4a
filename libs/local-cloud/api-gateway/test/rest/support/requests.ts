import type { GatewayRequest, GatewayResponse } from '../../../src/core';

export interface RequestOptions {
  readonly headers?: Record<string, string | string[]>;
  readonly body?: string | Buffer | object;
  readonly remoteAddress?: string;
}

/** A request as node:http would hand it over (rawHeaders keep the case used here). */
export const httpRequest = (method: string, url: string, options: RequestOptions = {}): GatewayRequest => {
  const rawHeaders: string[] = [];
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    for (const single of Array.isArray(value) ? value : [value]) rawHeaders.push(name, single);
    headers[name.toLowerCase()] = value;
  }
  const body =
    options.body === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(options.body)
        ? options.body
        : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body), 'utf8');
  return { method, url, headers, rawHeaders, body, remoteAddress: options.remoteAddress ?? '::ffff:203.0.113.9' };
};

export const bodyText = (response: GatewayResponse): string =>
  typeof response.body === 'string' ? response.body : response.body.toString('utf8');

export const bodyJson = (response: GatewayResponse): unknown => JSON.parse(bodyText(response));
