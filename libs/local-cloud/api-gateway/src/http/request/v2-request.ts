/** One request as the HTTP API pipeline sees it once read: what payload 2.0 reports about it. */
export interface V2Request {
  /** Upper-case. */
  readonly method: string;
  /** The path as sent, still percent-encoded, stage prefix included (as AWS reports it on a named stage). */
  readonly rawPath: string;
  /** The path routes are matched against: `rawPath` without the stage prefix. */
  readonly routePath: string;
  readonly rawQueryString: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
  /** Every header value as sent, `cookie` included (payload 1.0). */
  readonly multiValueHeaders: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  /** `HTTP/1.1`. */
  readonly protocol: string;
  readonly requestId: string;
  readonly startedAt: number;
  readonly correlationId: string;
}

export interface ApiIdentity {
  readonly apiId: string;
  readonly accountId: string;
  readonly region: string;
  readonly stage: string;
  readonly stageVariables: Readonly<Record<string, string>>;
}

/** `requestContext.authorizer.jwt` of a route behind a JWT authorizer. */
export interface JwtAuthorizerContext {
  readonly claims: Readonly<Record<string, string>>;
  readonly scopes: readonly string[] | null;
}

/** What a Lambda authorizer allowed the request with: the `context` of its answer and, in the IAM format, its principal. */
export interface LambdaAuthorizerContext {
  readonly context: Readonly<Record<string, unknown>>;
  readonly principalId?: string;
  /** Milliseconds the authorizer took (0 when answered from the cache). */
  readonly integrationLatency: number;
}

/** What the route's authorizer hands to the integration as `requestContext.authorizer`. */
export type AuthorizerOutput =
  | { readonly kind: 'jwt'; readonly jwt: JwtAuthorizerContext }
  | { readonly kind: 'lambda'; readonly lambda: LambdaAuthorizerContext };
