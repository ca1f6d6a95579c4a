import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Caller } from '../http/caller';
import type { HttpResult } from '../http/http-handler.types';
import type { CallerAccess } from '../middleware/jwt-caller.middleware';
import type { Observability } from '../observability/observability';

export type JwtAuthMode = 'jwt' | 'none';
type Schema = z.ZodType | undefined;
type RawParameters = Readonly<Record<string, string | undefined>>;

export interface HttpApiHandlerOptions<B extends Schema, Q extends Schema, P extends Schema, A extends JwtAuthMode> {
  /** The service's logger, tracer and metrics (`createObservability`). */
  readonly observability: Observability;
  /** `jwt` (default): a request without JWT authorizer claims is answered 401. */
  readonly auth?: A;
  /** Who may call (any of these scopes or groups); others are answered 403. */
  readonly access?: CallerAccess;
  /** JSON body schema; when set, the body must be `application/json`. */
  readonly bodySchema?: B;
  readonly querySchema?: Q;
  readonly pathSchema?: P;
  /** Default 64 KiB; larger bodies are answered 413. */
  readonly maxBodyBytes?: number;
}

/** What a route function receives, typed from the route's schemas. */
export interface HttpApiHandlerInput<B extends Schema, Q extends Schema, P extends Schema, A extends JwtAuthMode> {
  readonly event: APIGatewayProxyEventV2WithJWTAuthorizer;
  readonly context: Context;
  readonly body: B extends z.ZodType ? z.output<B> : undefined;
  readonly query: Q extends z.ZodType ? z.output<Q> : RawParameters;
  readonly path: P extends z.ZodType ? z.output<P> : RawParameters;
  readonly caller: A extends 'none' ? Caller | undefined : Caller;
  readonly correlationId: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type HttpApiRouteFunction<B extends Schema, Q extends Schema, P extends Schema, A extends JwtAuthMode> = (
  input: HttpApiHandlerInput<B, Q, P, A>,
) => Promise<HttpResult>;
