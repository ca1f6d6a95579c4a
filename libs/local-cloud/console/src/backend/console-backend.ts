import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { AWS_PRICES } from '../cost/price-table';
import { estimateCost, monthlyRequests } from '../cost/cost-estimate';
import { UsageMeter } from '../cost/usage-meter';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import { HOP_BY_ID, hopById } from '../hops/hop-by-id';
import { hopsLimit, hopsWindowJson } from '../hops/hops-window';
import type { ConsoleInvoker } from '../invoke/console-invoker';
import { invokeRoutes } from '../invoke/invoke-routes';
import { LogBook } from '../logs/log-book';
import { logQueryOf } from '../logs/log-search';
import { explainMatch } from '../match/match-request';
import { messagingView, type MessagingDeclarations } from '../messaging/messaging-view';
import type { PublishingEmulators } from '../publish/console-publisher';
import { answerPublishing } from '../publish/publish-routes';
import { FunctionMetrics } from '../metrics/function-metrics';
import { linkRoutes, type HttpApiRouteLike, type RestRouteLike, type WebSocketRouteLike } from '../routes/route-links';
import type { ConsoleResponse } from '../static-console';
import { ConsoleEventStream, type EventStreamOptions } from '../stream/event-stream';
import { TableBrowser, pageSize, type DeclaredTable } from '../tables/table-browser';
import { TableEditor } from '../tables/table-editor';
import { answerTableEdits } from '../tables/table-routes';
import { consoleJson, consoleProblem, jsonBodyOf, tableNameIn } from './console-answers';
import { eventStreamRoute } from './event-stream-route';

export interface ConsoleBackendOptions {
  readonly trace: TraceRecorder;
  /** The declared tables, by physical name, for the tables view. */
  readonly tables: readonly DeclaredTable[];
  /** DynamoDB Local, for the tables view. */
  readonly dynamodbEndpoint: string;
  /** Each function's id, physical name and configured memory (Lambda bills configured memory); read when first needed. */
  readonly functions: () => readonly { readonly id: string; readonly name: string; readonly memoryMb: number }[];
  /** The correlation id of a recent invocation by its request id (the Lambda runtime knows). */
  readonly correlationIdOfRequest: (requestId: string) => string | undefined;
  /** Where function log lines go after the console kept them; default printed as `[<function name>] <line>`. */
  readonly log?: (functionId: string, line: string) => void;
  readonly stream?: EventStreamOptions;
  /** Runs a function for invoke and replay (the runtime behind the fault injector); read when first needed. */
  readonly invoker: () => ConsoleInvoker;
}

/** What the console needs that exists only once the gateways listen. */
export interface ConsoleServingOptions {
  /** Topics, subscriptions, buses and rules, as the SNS and EventBridge emulators were given them. */
  readonly messaging: MessagingDeclarations;
  readonly routes: () => readonly RestRouteLike[];
  readonly v2Routes: () => {
    readonly httpApi: readonly HttpApiRouteLike[];
    readonly websocket: readonly WebSocketRouteLike[];
  };
  readonly restApi: string;
  readonly httpApi: string;
  /** WebSocket API name to the URL its clients connect to. */
  readonly websocketUrls: Readonly<Record<string, string>>;
  /** The running SNS and EventBridge emulators the console's publish and put-events go through. */
  readonly publishing?: PublishingEmulators;
}

/** The request fields the console's endpoints read. */
export interface ConsoleApiRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly path: string;
  readonly body: Buffer;
}

const TABLE_ITEMS = /^\/_local\/tables\/([^/]+)\/items$/;

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
  const tables = new TableBrowser(options.dynamodbEndpoint, options.tables);
  const invoking = invokeRoutes({ trace: options.trace, invoker: options.invoker, functions: options.functions });
  const tableEditor = new TableEditor(options.dynamodbEndpoint, options.tables);
  const unfollowTrace = options.trace.subscribe((hop) => {
    stream.hop(hop);
    metrics.observe(hop);
    usage.observe(hop);
  });
  const unfollowLogs = logs.subscribe((entry) => stream.log(entry));

  async function answer(request: ConsoleApiRequest, serving: ConsoleServingOptions) {
    const query = new URLSearchParams(request.url.slice(request.path.length + 1));
    const get = request.method === 'GET';
    if (get && request.path === '/_local/hops') {
      const started = performance.now();
      const body = hopsWindowJson(options.trace, hopsLimit(query.get('limit')));
      // Server-Timing: what building the window cost, shown by browser dev tools and checked by the e2e spec.
      const timing = `hops;dur=${(performance.now() - started).toFixed(1)}`;
      return { status: 200, headers: { 'content-type': 'application/json', 'server-timing': timing }, body };
    }
    if (get && HOP_BY_ID.test(request.path))
      return consoleJson(200, hopById(options.trace, request.path.slice('/_local/hops/'.length)));
    if (get && request.path === '/_local/invoke') return invoking.list();
    if (request.method === 'POST' && request.path === '/_local/invoke') return invoking.invoke(request);
    if (request.method === 'POST' && request.path === '/_local/replay') return invoking.replay(request);
    if (get && request.path === '/_local/logs') return consoleJson(200, { logs: logs.find(logQueryOf(query)) });
    if (get && request.path === '/_local/messaging') return consoleJson(200, messagingView(serving.messaging));
    if (request.method === 'POST' && request.path === '/_local/match')
      return consoleJson(200, explainMatch(jsonBodyOf(request), serving.messaging));
    if (get && request.path === '/_local/tables') return consoleJson(200, { tables: await tables.list() });
    const tableEdit = await answerTableEdits(request, query, tables, tableEditor);
    if (tableEdit) return tableEdit;
    const published = await answerPublishing(request, serving.messaging, serving.publishing);
    if (published) return published;
    const items = TABLE_ITEMS.exec(request.path);
    if (get && items) {
      const table = tableNameIn(items[1], request.path);
      const limit = pageSize(query.get('limit'));
      return consoleJson(200, await tables.items(table, limit, query.get('cursor') ?? undefined));
    }
    if (get && request.path === '/_local/cost')
      return consoleJson(200, estimateCost(usage.usage(), AWS_PRICES, monthlyRequests(query.get('monthlyRequests'))));
    if (get && request.path === '/_local/metrics') return consoleJson(200, metrics.view());
    if (get && request.path === '/_local/routes') {
      const v2 = serving.v2Routes();
      const websocketUrls = new Map(Object.entries(serving.websocketUrls));
      const linked = linkRoutes(
        { routes: serving.routes(), httpApiRoutes: v2.httpApi, websocketRoutes: v2.websocket },
        { restApi: serving.restApi, httpApi: serving.httpApi, websocketUrlOf: (api) => websocketUrls.get(api) },
      );
      return consoleJson(200, linked);
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
    serve<Request extends ConsoleApiRequest, Response>(
      next: (request: Request) => Promise<Response>,
      serving: ConsoleServingOptions,
    ): (request: Request) => Promise<Response | ConsoleResponse> {
      httpApiNames = new Set(serving.v2Routes().httpApi.map((route) => route.api));
      return async function handleWithConsoleApi(request) {
        if (!request.path.startsWith('/_local/')) return next(request);
        try {
          return (await answer(request, serving)) ?? (await next(request));
        } catch (error) {
          if (error instanceof InvalidConsoleRequest)
            return consoleProblem(400, 'Invalid console request', error.message, error.code);
          if (error instanceof ConsoleResourceNotFound)
            return consoleProblem(404, 'Not found', error.message, error.code);
          throw error;
        }
      };
    },

    /** GET /_local/stream, for the AWS endpoint's raw routes: true when it took the request. */
    takeStream: eventStreamRoute(stream, options.trace),

    close(): void {
      unfollowTrace();
      unfollowLogs();
      stream.close();
      tables.close();
      tableEditor.close();
    },
  };
}

export type ConsoleBackend = ReturnType<typeof createConsoleBackend>;
