import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { checkHost, type HostPolicy } from './host-policy';
import { checkOrigin } from './origin-policy';

export interface ServerGuard {
  readonly hosts: HostPolicy;
  /** Also refuse requests a web page of another origin sent (the AWS endpoint). */
  readonly sameOriginOnly?: boolean;
}

interface Refusal {
  readonly status: number;
  readonly body: string;
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 403: 'Forbidden', 421: 'Misdirected Request' };

function refusalOf(request: IncomingMessage, guard: ServerGuard): Refusal | undefined {
  const localPort = request.socket.localPort ?? 0;
  const host = checkHost(request.headers.host, localPort, guard.hosts);
  if (!host.ok) return { status: host.status, body: JSON.stringify({ type: 'about:blank', title: host.title, status: host.status, detail: host.detail, code: host.code }) };
  if (!guard.sameOriginOnly) return undefined;
  const origin = checkOrigin(request.headers, request.method ?? 'GET', localPort, guard.hosts);
  if (!origin.ok) return { status: 403, body: JSON.stringify({ type: 'about:blank', title: 'Cross-origin request refused', status: 403, detail: origin.detail, code: 'LOCAL.FOREIGN_ORIGIN' }) };
  return undefined;
}

function refuseRequest(response: ServerResponse, refusal: Refusal): void {
  response.writeHead(refusal.status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(refusal.body), connection: 'close' });
  response.end(refusal.body);
}

function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  socket.on('error', () => undefined); // the client may already be gone; nothing to tell it then
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status] ?? 'Refused'}\r\ncontent-type: application/problem+json\r\n` +
      `content-length: ${Buffer.byteLength(refusal.body)}\r\nconnection: close\r\n\r\n${refusal.body}`,
  );
}

/**
 * Checks every request and WebSocket upgrade of `server` before any of its listeners sees it, however many
 * listeners are added and in whatever order (the console's event stream takes over `request` listeners): the
 * server's `emit` is wrapped, so a refused request never reaches a handler.
 */
export function guardServer<S extends Server>(server: S, guard: ServerGuard): S {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'request' || event === 'upgrade') {
      const request = args[0] as IncomingMessage;
      const refusal = refusalOf(request, guard);
      if (refusal) {
        if (event === 'request') refuseRequest(args[1] as ServerResponse, refusal);
        else refuseUpgrade(args[1] as Duplex, refusal);
        return true;
      }
    }
    return emit(event, ...args);
  }) as S['emit'];
  return server;
}
