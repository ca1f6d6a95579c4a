import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { RestApiAuthenticator } from './ports/authenticator.port';
import type { AwsServiceDispatcher } from './ports/aws-services.port';

/** The parts of a node:http `IncomingMessage` (plus its read body) the gateway needs. */
export interface GatewayRequest {
  readonly method: string;
  /** Path and query string as received (`/v1/orders?limit=5`). */
  readonly url: string;
  /** node:http's lower-cased headers. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** node:http's `rawHeaders` (name, value, name, value...): when given, header names keep the client's case as in AWS. */
  readonly rawHeaders?: readonly string[];
  readonly body: Buffer;
  readonly remoteAddress?: string;
  /** `1.1` by default. */
  readonly httpVersion?: string;
}

export interface GatewayResponse {
  readonly status: number;
  /** Single-valued headers; a header with several values is in `multiValueHeaders` instead. */
  readonly headers: Readonly<Record<string, string>>;
  readonly multiValueHeaders?: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer | string;
}

/**
 * Maps the expression inside a `${...}` placeholder of the OpenAPI file (as Terraform's templatefile sees it:
 * `lambda_invoke_arns.placeOrder`, `topic_arns.order-status`, `cognito_user_pool_arn`, `region`) to its local
 * value: a function id, a topic ARN, the local issuer... `undefined` means unknown and stops start-up.
 */
export type PlaceholderResolver = (expression: string) => string | undefined;

export interface ThrottleSpec {
  /** Steady-state requests per second. */
  readonly rateLimit: number;
  /** Bucket size: requests allowed at once. */
  readonly burstLimit: number;
}

/**
 * Method keys follow API Gateway's method settings: `<resource path>/<METHOD>` (`/orders/{orderId}/GET`, the
 * leading slash optional) or `*\/*` for every method of the stage.
 */
export type MethodThrottles = Readonly<Record<string, ThrottleSpec>>;

export interface StageSpec {
  readonly name: string;
  readonly variables?: Readonly<Record<string, string>>;
  readonly throttle?: ThrottleSpec;
  readonly methodThrottles?: MethodThrottles;
  /** Also served at `/` (what a custom domain's base path mapping does). At most one stage. */
  readonly default?: boolean;
}

export interface ApiKeySpec {
  readonly name: string;
  /** The value clients send in `x-api-key`. */
  readonly value: string;
  readonly enabled?: boolean;
  readonly id?: string;
}

export interface QuotaSpec {
  readonly limit: number;
  readonly period: 'DAY' | 'WEEK' | 'MONTH';
  /** Requests already counted in the first period, as API Gateway's `offset`. */
  readonly offset?: number;
}

export interface UsagePlanStage {
  readonly stage: string;
  /** Per-method throttles of this plan on this stage, keyed like `MethodThrottles`. */
  readonly methodThrottles?: MethodThrottles;
}

export interface UsagePlanSpec {
  readonly name: string;
  /** Names of the `apiKeys` associated with this plan. */
  readonly apiKeys: readonly string[];
  readonly stages: readonly UsagePlanStage[];
  readonly throttle?: ThrottleSpec;
  readonly quota?: QuotaSpec;
}

export interface CreateRestApiOptions {
  readonly name: string;
  /** The parsed OpenAPI 3 document, placeholders still as `${...}` strings. */
  readonly openapi: unknown;
  /** Where the document came from, for start-up errors (`apps/orders/api/openapi.yaml`). */
  readonly sourceFile: string;
  readonly resolve: PlaceholderResolver;
  readonly invoker: Invoker;
  readonly stages: readonly StageSpec[];
  /** Needed when a route uses an `aws` integration (SNS). */
  readonly awsServices?: AwsServiceDispatcher;
  /** Needed when a route uses a Cognito or `AWS_IAM` authorizer. */
  readonly authenticator?: RestApiAuthenticator;
  readonly apiKeys?: readonly ApiKeySpec[];
  readonly usagePlans?: readonly UsagePlanSpec[];
  readonly trace?: TraceRecorder;
  /** Defaults to `us-east-1`. */
  readonly region?: string;
  /** Defaults to `123456789012`. */
  readonly accountId?: string;
  /** Defaults to a stable 10-character id derived from `name`. */
  readonly apiId?: string;
  /** Milliseconds since the epoch; injectable so quotas, caches and buckets can be tested without waiting. */
  readonly clock?: () => number;
}

export type IntegrationType = 'aws_proxy' | 'aws' | 'mock' | 'http' | 'http_proxy';
export type AuthorizationType = 'NONE' | 'COGNITO_USER_POOLS' | 'CUSTOM' | 'AWS_IAM';

export interface RouteSummary {
  /** `GET`, ..., or `ANY`. */
  readonly method: string;
  /** The resource path as declared (`/orders/{orderId}`). */
  readonly path: string;
  readonly integration: IntegrationType;
  /** Function id, `sns:Publish`, backend URL or `mock`. */
  readonly target: string;
  readonly authorization: AuthorizationType;
  readonly authorizerName?: string;
  readonly apiKeyRequired: boolean;
  readonly requestValidator?: string;
  readonly operationId?: string;
}

export interface RestApi {
  readonly name: string;
  readonly apiId: string;
  /** Stage names, the default stage first. */
  readonly stageNames: readonly string[];
  handle(request: GatewayRequest): Promise<GatewayResponse>;
  routes(): RouteSummary[];
}
