import type { VerifyJwtOptions } from '@harbor/local-cloud-auth';
import type { GatewayRequest, GatewayResponse, PlaceholderResolver } from '../core';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';

/** The public keys of an issuer, as its `jwks_uri` serves them. */
export type JsonWebKeySet = VerifyJwtOptions['jwks'];

/**
 * Where a JWT authorizer finds its issuer's keys. API Gateway fetches `<issuer>/.well-known/openid-configuration`;
 * locally the composition root hands over the local issuer's key set. `undefined` stops start-up.
 */
export type JwksResolver = (issuer: string) => JsonWebKeySet | undefined;

export interface CreateHttpApiOptions {
  readonly name: string;
  /** The parsed OpenAPI 3 document, placeholders still as `${...}` strings. */
  readonly openapi: unknown;
  /** Where the document came from, for start-up errors. */
  readonly sourceFile: string;
  readonly resolve: PlaceholderResolver;
  readonly invoker: Invoker;
  /** Needed when the document declares a JWT authorizer. */
  readonly jwks?: JwksResolver;
  /** `$default` (served at `/`, the default) or a stage name (served under `/<stage>`). */
  readonly stage?: string;
  readonly stageVariables?: Readonly<Record<string, string>>;
  readonly trace?: TraceRecorder;
  /** Defaults to `us-east-1`. */
  readonly region?: string;
  /** Defaults to `123456789012`. */
  readonly accountId?: string;
  /** Defaults to a stable 10-character id derived from `name`. */
  readonly apiId?: string;
  /** Milliseconds since the epoch (tests). */
  readonly clock?: () => number;
}

export interface HttpApiRouteSummary {
  /** `GET /orders/{orderId}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  readonly functionId: string;
  /** `CUSTOM` is a Lambda authorizer, as API Gateway names the route's authorization type. */
  readonly authorization: 'NONE' | 'JWT' | 'CUSTOM';
  readonly authorizerName?: string;
  readonly scopes: readonly string[];
  readonly timeoutMs: number;
  readonly operationId?: string;
}

export interface HttpApi {
  readonly name: string;
  readonly apiId: string;
  readonly stage: string;
  handle(request: GatewayRequest): Promise<GatewayResponse>;
  routes(): HttpApiRouteSummary[];
}
