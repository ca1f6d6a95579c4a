import { decodeOrKeep } from '../../core';
import type { IncomingMessage } from 'node:http';

/** What API Gateway keeps of the upgrade request that opened a connection. */
export interface HandshakeRequest {
  /** Header names as the client sent them; the last value of a repeated header. */
  readonly headers: Readonly<Record<string, string>>;
  readonly multiValueHeaders: Readonly<Record<string, readonly string[]>>;
  readonly query: Readonly<Record<string, string>> | undefined;
  readonly multiValueQuery: Readonly<Record<string, readonly string[]>> | undefined;
  readonly path: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly domainName: string;
}

/** Reads the upgrade request: client header case kept (`rawHeaders`), query decoded, repeats kept in order. */
export const readHandshake = (request: IncomingMessage, fallbackDomain: string): HandshakeRequest => {
  const multiValueHeaders: Record<string, string[]> = {};
  const namesByLower = new Map<string, string>();
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const lower = request.rawHeaders[index].toLowerCase();
    const name = namesByLower.get(lower) ?? request.rawHeaders[index];
    namesByLower.set(lower, name);
    (multiValueHeaders[name] ??= []).push(request.rawHeaders[index + 1]);
  }
  const headers = Object.fromEntries(
    Object.entries(multiValueHeaders).map(([name, values]) => [name, values[values.length - 1]]),
  );
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const multiValueQuery: Record<string, string[]> = {};
  if (queryStart !== -1) {
    for (const pair of url.slice(queryStart + 1).split('&')) {
      if (pair.length === 0) continue;
      const equals = pair.indexOf('=');
      const name = decodeOrKeep(equals === -1 ? pair : pair.slice(0, equals));
      (multiValueQuery[name] ??= []).push(equals === -1 ? '' : decodeOrKeep(pair.slice(equals + 1)));
    }
  }
  const hasQuery = Object.keys(multiValueQuery).length > 0;
  return {
    headers,
    multiValueHeaders,
    query: hasQuery
      ? Object.fromEntries(Object.entries(multiValueQuery).map(([name, values]) => [name, values[values.length - 1]]))
      : undefined,
    multiValueQuery: hasQuery ? multiValueQuery : undefined,
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    userAgent: request.headers['user-agent'] ?? '',
    domainName: request.headers.host ?? fallbackDomain,
  };
};
