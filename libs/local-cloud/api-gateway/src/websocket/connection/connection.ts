import type { WebSocket } from 'ws';
import type { HandshakeRequest } from './handshake-request';

/** One open client connection, as the management API and every event of it report it. */
export interface Connection {
  readonly connectionId: string;
  readonly connectedAt: number;
  lastActiveAt: number;
  readonly handshake: HandshakeRequest;
  /** The authorizer's context and principal, passed on with every event of the connection. */
  readonly authorizer: Readonly<Record<string, unknown>> | undefined;
  /** Correlation id of every hop of this connection. */
  readonly correlationId: string;
  readonly socket: WebSocket;
  /** Settles when `$disconnect` has run after the socket closed. */
  ended?: Promise<void>;
}
