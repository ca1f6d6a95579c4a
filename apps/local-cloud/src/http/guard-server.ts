import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { checkHost, type HostPolicy } from './host-policy';
import { writeOutgoingResponse, type OutgoingResponse } from './incoming-request';
import { checkOrigin } from './origin-policy';
import { problemResponse } from './problem';

export interface ServerGuard {
  readonly hosts: HostPolicy;
  /** Also refuse requests a web page of another origin sent (the AWS endpoint). */
  readonly sameOriginOnly?: boolean;
}

function refusalOf(request: IncomingMessage, guard: ServerGuard): OutgoingResponse | undefined {
  const localPort = request.socket.localPort ?? 0;
  const host = checkHost(request.headers.host, localPort, guard.hosts);
  if (!host.ok) return problemResponse(host.status, host.title, host.detail, host.code);
  if (!guard.sameOriginOnly) return undefined;
  const origin = checkOrigin(request.headers, request.method ?? 'GET', localPort, guard.hosts);
  if (!origin.ok) return problemResponse(403, 'Cross-origin request refused', origin.detail, 'LOCAL.FOREIGN_ORIGIN');
  return undefined;
}

function refuseRequest(response: ServerResponse, refusal: OutgoingResponse): void {
  writeOutgoingResponse(response, { ...refusal, headers: { ...refusal.headers, connection: 'close' } });
}

function refuseUpgrade(socket: Duplex, refusal: OutgoingResponse): void {
  const body = refusal.body ?? '';
  socket.on('error', () => undefined); // the client may already be gone; nothing to tell it then
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Refused'}\r\ncontent-type: application/problem+json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * Checks every request and WebSocket upgrade of `server` before any of its listeners sees it, however many
 * listeners are added and in whatever order: the server's `emit` is wrapped, so a refused request never reaches
 * a handler.
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
