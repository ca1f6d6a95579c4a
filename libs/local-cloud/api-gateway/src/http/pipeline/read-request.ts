import { newGatewayId, newTraceId, type GatewayRequest } from '../../core';
import { readV2Headers } from '../request/v2-headers';
import type { V2Request } from '../request/v2-request';

const sourceIpOf = (address: string | undefined): string => (address ? address.replace(/^::ffff:/, '') : '127.0.0.1');

/**
 * Reads a node:http request into what payload 2.0 reports, stage prefix removed from the routing path.
 * `undefined` when the path is not under the stage: a named stage serves only `/<stage>/...`.
 */
export const readRequest = (request: GatewayRequest, stage: string, startedAt: number): V2Request | undefined => {
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  let routePath = rawPath;
  if (stage !== '$default') {
    const prefix = `/${stage}`;
    if (rawPath !== prefix && !rawPath.startsWith(`${prefix}/`)) return undefined;
    routePath = rawPath.slice(prefix.length) || '/';
  }
  const { headers, cookies, multiValueHeaders } = readV2Headers(request.headers, request.rawHeaders);
  const sourceIp = sourceIpOf(request.remoteAddress);
  headers['x-forwarded-for'] ??= sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= /:(\d+)$/.exec(headers['host'] ?? '')?.[1] ?? '80';
  headers['x-amzn-trace-id'] ??= newTraceId(startedAt);
  for (const name of ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-port', 'x-amzn-trace-id'])
    multiValueHeaders[name] ??= [headers[name]];
  const requestId = newGatewayId();
  return {
    method: request.method.toUpperCase(),
    rawPath,
    routePath,
    rawQueryString: queryStart === -1 ? '' : request.url.slice(queryStart + 1),
    headers,
    cookies,
    multiValueHeaders,
    body: request.body,
    sourceIp,
    protocol: `HTTP/${request.httpVersion ?? '1.1'}`,
    requestId,
    startedAt,
    correlationId: headers['x-correlation-id'] ?? requestId,
  };
};
