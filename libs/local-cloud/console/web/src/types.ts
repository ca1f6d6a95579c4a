// Shapes of the /_local API the console reads (the contract in the console README).
import type { FunctionMetricsView } from '../../src/metrics/function-metrics';

// The recorder's own types: type-only, so nothing of the server is bundled.
export type { Hop, HopKind } from '@harbor/local-cloud-trace';

export interface LogLine {
  readonly functionId: string;
  readonly correlationId?: string;
  readonly line: string;
  readonly at: string;
}

export interface RestRoute {
  readonly method: string;
  readonly path: string;
  readonly integration: string;
  readonly target: string;
  readonly authorization: string;
  readonly authorizerName?: string;
  readonly apiKeyRequired: boolean;
  readonly requestValidator?: string;
  readonly operationId?: string;
  readonly api: string;
  readonly url?: string;
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

export interface HttpApiRoute {
  /** `GET /orders/{orderId}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  readonly functionId: string;
  readonly authorization: 'NONE' | 'JWT';
  readonly authorizerName?: string;
  readonly authorizer?: string;
  readonly scopes?: readonly string[];
  readonly operationId?: string;
  readonly api: string;
  readonly url?: string;
}

export interface WebSocketRoute {
  readonly routeKey: string;
  readonly functionId: string;
  readonly authorization: 'NONE' | 'CUSTOM';
  readonly api: string;
  readonly url?: string;
}

export interface RoutesResponse {
  readonly routes: readonly RestRoute[];
  readonly httpApiRoutes: readonly HttpApiRoute[];
  readonly websocketRoutes: readonly WebSocketRoute[];
}

// The dead-letter store's own types.
export type { DeadLetter, RedriveResult } from '@harbor/local-cloud-messaging';

export interface Subscription {
  readonly name: string;
  readonly functionId: string;
  readonly filterPolicy?: unknown;
  readonly filterPolicyScope: 'MessageAttributes' | 'MessageBody';
  readonly rawMessageDelivery: boolean;
  readonly deadLetterQueue?: string;
}

export interface Rule {
  readonly name: string;
  readonly eventPattern: unknown;
  readonly functionId: string;
  readonly deadLetterQueue?: string;
  readonly retryPolicy?: unknown;
}

export interface MessagingResponse {
  readonly topics: readonly {
    readonly name: string;
    readonly arn: string;
    readonly subscriptions: readonly Subscription[];
  }[];
  readonly buses: readonly { readonly name: string; readonly arn: string; readonly rules: readonly Rule[] }[];
}

export interface MatchResult {
  readonly matches: boolean;
  readonly explanation: readonly { readonly path: string; readonly ok: boolean; readonly reason: string }[];
}

export interface TableSummary {
  readonly name: string;
  readonly service: string;
  readonly itemCount?: number;
  readonly keySchema: { readonly partitionKey: string; readonly sortKey?: string };
}

export type ByService = Readonly<Record<string, number>>;

export interface CostResponse {
  readonly prices: {
    readonly reviewedOn: string;
    readonly region: string;
    readonly source: string | readonly string[];
    readonly items: Readonly<Record<string, unknown>>;
  };
  readonly observed: Readonly<Record<string, number | string>> & { readonly sinceStart: string };
  readonly observedCostUsd: { readonly total: number; readonly byService: ByService };
  readonly monthly: {
    readonly requests: number;
    readonly costUsd: { readonly total: number; readonly byService: ByService };
    readonly restVsHttpApi: { readonly restApiUsd: number; readonly httpApiUsd: number };
  };
}

// What the server's metrics answer per function.
export type FunctionMetrics = FunctionMetricsView;

export interface MetricsResponse {
  readonly since: string;
  readonly functions: readonly FunctionMetrics[];
}

/** GET /_local/faults: the configuration in force, its seed, and what it injected so far per category and target. */
export interface FaultSnapshot {
  readonly config: Record<string, unknown>;
  readonly seed: number;
  readonly injected: Record<string, Record<string, number>>;
  readonly total: number;
}

/** `POST /_local/invoke` and `/_local/replay`. */
export interface InvokeAnswer {
  readonly functionId: string;
  readonly correlationId: string;
  readonly requestId: string;
  readonly durationMs: number;
  readonly coldStart: boolean;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: { readonly errorType: string; readonly errorMessage: string };
  readonly replayOf?: number;
}

/** `GET /_local/invoke`. */
export interface InvokeCatalogue {
  readonly functions: readonly { readonly id: string; readonly name: string }[];
  readonly samples: readonly {
    readonly id: string;
    readonly title: string;
    readonly docs: string;
    readonly event: unknown;
  }[];
}
