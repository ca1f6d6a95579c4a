import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { RestApiAuthenticator } from './auth/rest-api-authenticator';
import type { AwsServiceDispatcher } from './aws-services/aws-service-dispatcher';
import type { GatewayRequest, GatewayResponse, PlaceholderResolver } from '../core';

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
