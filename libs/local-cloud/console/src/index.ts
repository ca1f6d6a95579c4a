// The local console's server half: pure modules the local cloud's /_local endpoints are built from.
export { withConsole, type ConsoleFrontDoorOptions } from './console-front-door';
export {
  CONSOLE_BASE,
  CONSOLE_BUILD_DIR,
  buildingMarkerOf,
  staticConsole,
  type ConsoleRequest,
  type ConsoleResponse,
  type StaticConsoleOptions,
} from './static-console';
export { TRY_IT_PATH, tryItRelay, type RelayRequest, type RelayResponse, type TryItRelayOptions } from './try-it-relay';
export { ConsoleResourceNotFound, InvalidConsoleRequest } from './errors';
export type { ConsoleInvoker, ConsoleInvokeOutcome } from './invoke/console-invoker';
export { SAMPLE_EVENTS, type SampleEvent } from './invoke/sample-events';
export { DEFAULT_HOPS_LIMIT, MAX_HOPS_LIMIT, hopsLimit, hopsWindowJson } from './hops/hops-window';
export { ConsoleEventStream, type EventStreamOptions, type StreamClient } from './stream/event-stream';
export { LogBook, type LogBookOptions, type LogEntry, type LogQuery } from './logs/log-book';
export { requestIdOfLine } from './logs/request-id-of-line';
export {
  messagingView,
  type MessagingDeclarations,
  type RuleDeclaration,
  type SubscriptionDeclaration,
} from './messaging/messaging-view';
export { explainMatch } from './match/match-request';
export { TableBrowser, pageSize, type DeclaredTable } from './tables/table-browser';
export { AWS_PRICES, type PriceTable } from './cost/price-table';
export { UsageMeter, type UsageMeterOptions } from './cost/usage-meter';
export { estimateCost, monthlyRequests, type CostEstimate } from './cost/cost-estimate';
export { FunctionMetrics, type FunctionMetricsOptions } from './metrics/function-metrics';
export { linkRoutes, type RouteEndpoints } from './routes/route-links';
export {
  createConsoleBackend,
  type ConsoleApiRequest,
  type ConsoleBackend,
  type ConsoleBackendOptions,
  type ConsoleServingOptions,
} from './backend/console-backend';
