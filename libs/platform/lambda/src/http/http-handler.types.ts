import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Observability } from '../observability/observability';
import type { IdempotencyOptions } from '../middleware/idempotency.middleware';
import type { Caller } from './caller';

export type AuthMode = 'cognito' | 'none';
type Schema = z.ZodType | undefined;
type RawParameters = Readonly<Record<string, string | undefined>>;

export interface HttpHandlerOptions<B extends Schema, Q extends Schema, P extends Schema, A extends AuthMode> {
  /** The service's logger, tracer and metrics (`createObservability`). */
  readonly observability: Observability;
  /** `cognito` (default): a request without Cognito claims is answered 401. */
  readonly auth?: A;
  /** JSON body schema; when set, the body must be `application/json`. */
  readonly bodySchema?: B;
  readonly querySchema?: Q;
  readonly pathSchema?: P;
  /** Default 64 KiB; larger bodies are answered 413. */
  readonly maxBodyBytes?: number;
  /** Powertools idempotency keyed by caller + header (create routes). */
  readonly idempotency?: IdempotencyOptions | boolean;
}

/** What a route function receives, typed from the route's schemas. */
export interface HttpHandlerInput<B extends Schema, Q extends Schema, P extends Schema, A extends AuthMode> {
  readonly event: APIGatewayProxyEvent;
  readonly context: Context;
  /** Parsed and validated body (undefined without a body schema). */
  readonly body: B extends z.ZodType ? z.output<B> : undefined;
  /** Validated query string, or the raw parameters without a schema. */
  readonly query: Q extends z.ZodType ? z.output<Q> : RawParameters;
  /** Validated path parameters, or the raw parameters without a schema. */
  readonly path: P extends z.ZodType ? z.output<P> : RawParameters;
  readonly caller: A extends 'none' ? Caller | undefined : Caller;
  readonly correlationId: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** What a route function returns; the stack serialises `body` as JSON. */
export interface HttpResult {
  readonly statusCode: number;
  /** Serialised as JSON with `content-type: application/json`; omit for an empty body (204). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type HttpRouteFunction<B extends Schema, Q extends Schema, P extends Schema, A extends AuthMode> = (
  input: HttpHandlerInput<B, Q, P, A>,
) => Promise<HttpResult>;
