import {
  AWS_PRICES,
  ConsoleEventStream,
  ConsoleResourceNotFound,
  estimateCost,
  explainMatch,
  FunctionMetrics,
  hopsLimit,
  hopsWindowJson,
  InvalidConsoleRequest,
  linkRoutes,
  LogBook,
  messagingView,
  monthlyRequests,
  pageSize,
  TableBrowser,
  UsageMeter,
  type EventStreamOptions,
  type MessagingDeclarations,
} from '@harbor/local-cloud-console';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiGatewayV2Routes } from './apigateway-v2';
import { jsonResponse, type IncomingRequest, type OutgoingResponse } from './http/incoming-request';
import type { LocalEndpointsDependencies } from './local-endpoints';
import type { Messaging } from './messaging';
import { busArn, busName, tableName, type ResourceNaming } from './resource-names';
import { decodePathSegment } from './http/path-segment';
import { problemResponse } from './http/problem';

export interface ConsoleBackendOptions {
  readonly trace: TraceRecorder;
  readonly services: readonly ServiceDefinition[];
  readonly naming: ResourceNaming;
  /** DynamoDB Local, for the tables view. */
  readonly dynamodbEndpoint: string;
  /** Each function's id, physical name and configured memory (Lambda bills configured memory); read when first needed. */
  readonly functions: () => readonly { readonly id: string; readonly name: string; readonly memoryMb: number }[];
  /** The correlation id of a recent invocation by its request id (the Lambda runtime knows). */
  readonly correlationIdOfRequest: (requestId: string) => string | undefined;
  /** Where function log lines go after the console kept them; default printed as `[<function name>] <line>`. */
  readonly log?: (functionId: string, line: string) => void;
  readonly stream?: EventStreamOptions;
}

/** What the console needs that exists only once the gateways listen. */
export interface ConsoleServingOptions {
  readonly messaging: Pick<Messaging, 'topics' | 'subscriptions' | 'rules'>;
  readonly routes: LocalEndpointsDependencies['routes'];
  readonly v2Routes: () => ApiGatewayV2Routes;
  readonly restApi: string;
  readonly httpApi: string;
  /** Service name to the URL its WebSocket clients connect to. */
  readonly websocketApis: Readonly<Record<string, string>>;
}

type Handler = (request: IncomingRequest) => Promise<OutgoingResponse>;

const TABLE_ITEMS = /^\/_local\/tables\/([^/]+)\/items$/;
const STREAM_PATH = '/_local/stream';

/**
 * The console's server half in the local cloud: it keeps the functions' log lines, follows the trace (live stream,
 * metrics, billable usage) from the start, and serves the console's /_local endpoints (hops, stream, logs,
 * messaging, match, tables, cost, metrics, and routes with their URLs) in front of the AWS endpoint.
 */
export function createConsoleBackend(options: ConsoleBackendOptions) {
  const functionOf = (id: string) => options.functions().find((fn) => fn.id === id);
  const print =
    options.log ??
    ((functionId: string, line: string) =>
      process.stdout.write(`[${functionOf(functionId)?.name ?? functionId}] ${line}\n`));
  const logs = new LogBook({ correlationIdOfRequest: (requestId) => options.correlationIdOfRequest(requestId) });
  const stream = new ConsoleEventStream(options.stream);
  const metrics = new FunctionMetrics();
  let httpApiNames = new Set<string>();
  const usage = new UsageMeter({
    prices: AWS_PRICES,
    isHttpApi: (api) => httpApiNames.has(api),
    memoryMbOf: (id) => functionOf(id)?.memoryMb,
  });
  const tables = new TableBrowser(
    options.dynamodbEndpoint,
    options.services.flatMap((service) =>
      Object.entries(service.tables).map(([key, table]) => ({
        name: tableName(options.naming, key),
        service: service.name,
        keySchema: { partitionKey: table.hashKey.name, ...(table.rangeKey ? { sortKey: table.rangeKey.name } : {}) },
      })),
    ),
  );
  const unfollowTrace = options.trace.subscribe((hop) => {
    stream.hop(hop);
    metrics.observe(hop);
    usage.observe(hop);
  });
  const unfollowLogs = logs.subscribe((entry) => stream.log(entry));

  async function answer(
    request: IncomingRequest,
    serving: ConsoleServingOptions,
    declarations: MessagingDeclarations,
  ): Promise<OutgoingResponse | undefined> {
    const query = new URLSearchParams(request.url.slice(request.path.length + 1));
    const get = request.method === 'GET';
    if (get && request.path === '/_local/hops') {
      const started = performance.now();
      const body = hopsWindowJson(options.trace, hopsLimit(query.get('limit')));
      // Server-Timing: what building the window cost, shown by browser dev tools and checked by the e2e spec.
      return {
        status: 200,
        headers: {
          'content-type': 'application/json',
          'server-timing': `hops;dur=${(performance.now() - started).toFixed(1)}`,
        },
        body,
      };
    }
    if (get && request.path === '/_local/logs') {
      const correlationId = query.get('correlationId') ?? undefined;
      const functionId = query.get('functionId') ?? undefined;
      return jsonResponse(200, { logs: logs.find({ correlationId, functionId }) });
    }
    if (get && request.path === '/_local/messaging') return jsonResponse(200, messagingView(declarations));
    if (request.method === 'POST' && request.path === '/_local/match')
      return jsonResponse(200, explainMatch(jsonBody(request), declarations));
    if (get && request.path === '/_local/tables') return jsonResponse(200, { tables: await tables.list() });
    const items = TABLE_ITEMS.exec(request.path);
    if (get && items) {
      const table = decodePathSegment(items[1]);
      if (table === undefined)
        throw new InvalidConsoleRequest(`the table name in ${request.path} is not percent-encoded UTF-8`);
      return jsonResponse(
        200,
        await tables.items(table, pageSize(query.get('limit')), query.get('cursor') ?? undefined),
      );
    }
    if (get && request.path === '/_local/cost')
      return jsonResponse(200, estimateCost(usage.usage(), AWS_PRICES, monthlyRequests(query.get('monthlyRequests'))));
    if (get && request.path === '/_local/metrics') return jsonResponse(200, metrics.view());
    if (get && request.path === '/_local/routes') {
      const v2 = serving.v2Routes();
      const websocketUrls = new Map(
        Object.entries(serving.websocketApis).map(([service, url]) => [
          `harbor-${options.naming.env}-${service}-ws`,
          url,
        ]),
      );
      const linked = linkRoutes(
        { routes: serving.routes(), httpApiRoutes: v2.httpApi, websocketRoutes: v2.websocket },
        { restApi: serving.restApi, httpApi: serving.httpApi, websocketUrlOf: (api) => websocketUrls.get(api) },
      );
      return jsonResponse(200, linked);
    }
    return undefined;
  }

  return {
    /** The runtime's log callback: keeps the line for /_local/logs and the stream, then passes it on. */
    log(functionId: string, line: string): void {
      logs.append(functionId, line);
      print(functionId, line);
    },

    /** Puts the console's /_local endpoints in front of `next` (the AWS endpoint's handler). */
    serve(next: Handler, serving: ConsoleServingOptions): Handler {
      httpApiNames = new Set(serving.v2Routes().httpApi.map((route) => route.api));
      const declarations: MessagingDeclarations = {
        env: options.naming.env,
        ...serving.messaging,
        buses: [{ name: busName(options.naming), arn: busArn(options.naming) }],
      };
      return async function handleWithConsoleApi(request) {
        if (!request.path.startsWith('/_local/')) return next(request);
        try {
          return (await answer(request, serving, declarations)) ?? (await next(request));
        } catch (error) {
          if (error instanceof InvalidConsoleRequest)
            return problemResponse(400, 'Invalid console request', error.message, error.code);
          if (error instanceof ConsoleResourceNotFound)
            return problemResponse(404, 'Not found', error.message, error.code);
          throw error;
        }
      };
    },

    /**
     * Takes GET /_local/stream off the AWS endpoint's server (listen's raw routes): the endpoint's handler answers
     * whole responses, and a stream needs the open response. True when it took the request.
     */
    takeStream(request: IncomingMessage, response: ServerResponse): boolean {
      const url = request.url ?? '/';
      if (request.method !== 'GET' || (url !== STREAM_PATH && !url.startsWith(`${STREAM_PATH}?`))) return false;
      openStream(request, response);
      return true;
    },

    close(): void {
      unfollowTrace();
      unfollowLogs();
      stream.close();
      tables.close();
    },
  };

  function openStream(request: IncomingMessage, response: ServerResponse): void {
    const after = new URL(request.url ?? '/', 'http://local').searchParams.get('after');
    const afterId = after === null ? undefined : Number(after);
    if (afterId !== undefined && (!Number.isInteger(afterId) || afterId < 0)) {
      const refused = problemResponse(
        400,
        'Invalid console request',
        `after must be a hop id (a whole number), got ${JSON.stringify(after)}`,
        'CONSOLE.INVALID_REQUEST',
      );
      response.writeHead(refused.status, refused.headers as Record<string, string>).end(refused.body);
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const disconnect = stream.connect(response, afterId === undefined ? [] : options.trace.after(afterId));
    // The response's close, not the request's: a GET's request stream ends (and closes) as soon as it is read.
    response.on('close', disconnect);
  }
}

export type ConsoleBackend = ReturnType<typeof createConsoleBackend>;

function jsonBody(request: IncomingRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    throw new InvalidConsoleRequest('the body is not JSON');
  }
}
