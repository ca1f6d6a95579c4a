import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** A route's integration: the function it invokes (a local id `<service>.<key>`, a Lambda ARN or an invocation URI). */
export interface WebSocketRouteDeclaration {
  readonly function: string;
  /** Two-way (a `$default` route response): the function's result `body` goes back to the client. Messages only. */
  readonly twoWay?: boolean;
}

/** The Lambda REQUEST authorizer API Gateway runs on `$connect`, the only route it authorizes. */
export interface WebSocketAuthorizerDeclaration {
  readonly function: string;
  /** `route.request.querystring.<name>` or `route.request.header.<name>`; default `route.request.querystring.token`. */
  readonly identitySources?: readonly string[];
}

/**
 * The WebSocket API as the Terraform `websocket-api` module declares it: routes by route key (`$connect`,
 * `$disconnect`, `$default` or a custom action), an optional authorizer, the route selection expression.
 */
export interface CreateWebSocketApiOptions {
  readonly name: string;
  readonly routes: Readonly<Record<string, WebSocketRouteDeclaration>>;
  /** Default `$request.body.action`. */
  readonly routeSelectionExpression?: string;
  readonly authorizer?: WebSocketAuthorizerDeclaration;
  readonly invoker: Invoker;
  /** Part of the URL clients connect to and of the management endpoint. Default `v1`, as the Terraform module. */
  readonly stage?: string;
  readonly stageVariables?: Readonly<Record<string, string>>;
  /** Where the declarations come from, for start-up errors. Default: the API name. */
  readonly sourceFile?: string;
  readonly trace?: TraceRecorder;
  /** Defaults to `us-east-1`. */
  readonly region?: string;
  /** Defaults to `123456789012`. */
  readonly accountId?: string;
  /** Defaults to a stable 10-character id derived from `name`. */
  readonly apiId?: string;
  /**
   * AWS time per real time for the 10-minute idle timeout and the 2-hour connection limit (as `AsyncDelivery`'s
   * option): 1 (the default) is real time, 60_000 makes the idle timeout 10 ms.
   */
  readonly timeCompression?: number;
}

export interface WebSocketRouteSummary {
  readonly routeKey: string;
  readonly functionId: string;
  readonly authorization: 'NONE' | 'CUSTOM';
}

export interface ConnectionSummary {
  readonly connectionId: string;
  readonly connectedAt: string;
  readonly lastActiveAt: string;
  readonly sourceIp: string;
  readonly userAgent: string;
}

/** A request to the `@connections` management API, read in full (the shape the AWS endpoint on 4566 uses). */
export interface ConnectionsRequest {
  readonly method: string;
  /** `/@connections/<id>`, possibly under a stage prefix (`/v1/@connections/<id>`). */
  readonly path: string;
  readonly body: Buffer;
  /** The correlation id of the request whose function made this call, when known: its trace gets the hop. */
  readonly callerCorrelationId?: string;
}

export interface ConnectionsResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface WebSocketApi {
  readonly name: string;
  readonly apiId: string;
  readonly stage: string;
  /** `server.on('upgrade', api.handleUpgrade)`: runs the authorizer and `$connect`, then accepts or refuses. */
  readonly handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** node:http form of the management API: `POST|GET|DELETE /@connections/{id}`. */
  readonly handleConnectionsRequest: (request: IncomingMessage, response: ServerResponse) => void;
  /** The management API on an already read request (410 GoneException for a connection it does not hold). */
  manageConnection(request: ConnectionsRequest): Promise<ConnectionsResponse>;
  hasConnection(connectionId: string): boolean;
  connections(): ConnectionSummary[];
  routes(): WebSocketRouteSummary[];
  /** Closes every connection (going away); `$disconnect` runs for each. */
  close(): Promise<void>;
}
