import type { HeaderBag } from '../request/header-bag';
import type { QueryString } from '../request/query-string';
import { requestTime } from '../../core';

export interface ApiIdentity {
  readonly apiId: string;
  readonly accountId: string;
  readonly region: string;
}

export interface StageRuntime {
  readonly name: string;
  readonly variables: Readonly<Record<string, string>>;
}

export interface RouteIdentity {
  readonly resourcePath: string;
  readonly resourceId: string;
}

/** Caller identity fields filled by API keys and IAM authorization (`$context.identity.*`). */
export interface CallerIdentity {
  apiKey?: string;
  apiKeyId?: string;
  accessKey?: string;
  accountId?: string;
  caller?: string;
  user?: string;
  userArn?: string;
}

export interface RequestStateInit {
  readonly api: ApiIdentity;
  readonly method: string;
  readonly fullPath: string;
  readonly path: string;
  readonly query: QueryString;
  readonly headers: HeaderBag;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly protocol: string;
  readonly stage: StageRuntime;
  readonly route: RouteIdentity;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly requestId: string;
  readonly extendedRequestId: string;
  readonly startedAt: number;
  readonly correlationId: string;
}

/** One request on its way through the pipeline: what was asked, where it goes, and what authorization added. */
export class RequestState {
  readonly init: RequestStateInit;
  private authorizerContext: Record<string, unknown> | undefined;
  private callerIdentity: CallerIdentity = {};
  private cachedContext: Record<string, unknown> | undefined;
  private cachedParams:
    { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> } | undefined;

  constructor(init: RequestStateInit) {
    this.init = init;
  }

  /** `requestContext.authorizer` / `$context.authorizer`: Cognito claims or a Lambda authorizer's context. */
  get authorizer(): Record<string, unknown> | undefined {
    return this.authorizerContext;
  }

  get identity(): Readonly<CallerIdentity> {
    return this.callerIdentity;
  }

  setAuthorizer(authorizer: Record<string, unknown> | undefined): void {
    this.authorizerContext = authorizer;
    this.cachedContext = undefined;
  }

  addIdentity(identity: CallerIdentity): void {
    this.callerIdentity = { ...this.callerIdentity, ...identity };
    this.cachedContext = undefined;
  }

  /** The request's media type, lower-cased without parameters; `application/json` when absent, as API Gateway assumes. */
  get contentType(): string {
    const header = this.init.headers.get('content-type');
    return header ? header.split(';')[0].trim().toLowerCase() : 'application/json';
  }

  get domainName(): string {
    return this.init.headers.get('host') ?? `${this.init.api.apiId}.execute-api.${this.init.api.region}.amazonaws.com`;
  }

  /** `$context` for mapping templates and gateway responses (built once per request and authorization state). */
  context(): Record<string, unknown> {
    this.cachedContext ??= this.buildContext();
    return this.cachedContext;
  }

  private buildContext(): Record<string, unknown> {
    const {
      api,
      stage,
      route,
      method,
      fullPath,
      requestId,
      extendedRequestId,
      startedAt,
      sourceIp,
      protocol,
      headers,
    } = this.init;
    const domainName = this.domainName;
    return {
      accountId: api.accountId,
      apiId: api.apiId,
      authorizer: this.authorizer ?? {},
      domainName,
      domainPrefix: domainName.split('.')[0],
      extendedRequestId,
      httpMethod: method,
      identity: { ...this.identity, sourceIp, userAgent: headers.get('user-agent') },
      path: fullPath,
      protocol,
      requestId,
      requestTime: requestTime(startedAt),
      requestTimeEpoch: startedAt,
      resourceId: route.resourceId,
      resourcePath: route.resourcePath,
      stage: stage.name,
    };
  }

  /** `requestContext` of the Lambda proxy event (payload 1.0): AWS's field set, nulls included. */
  proxyRequestContext(): Record<string, unknown> {
    const {
      api,
      stage,
      route,
      method,
      fullPath,
      requestId,
      extendedRequestId,
      startedAt,
      sourceIp,
      protocol,
      headers,
    } = this.init;
    const domainName = this.domainName;
    const context: Record<string, unknown> = {
      resourceId: route.resourceId,
      resourcePath: route.resourcePath,
      httpMethod: method,
      extendedRequestId,
      requestTime: requestTime(startedAt),
      path: fullPath,
      accountId: api.accountId,
      protocol,
      stage: stage.name,
      domainPrefix: domainName.split('.')[0],
      requestTimeEpoch: startedAt,
      requestId,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: this.identity.accountId ?? null,
        cognitoIdentityId: null,
        caller: this.identity.caller ?? null,
        sourceIp,
        principalOrgId: null,
        accessKey: this.identity.accessKey ?? null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: this.identity.userArn ?? null,
        userAgent: headers.get('user-agent') ?? null,
        user: this.identity.user ?? null,
        ...(this.identity.apiKey !== undefined
          ? { apiKey: this.identity.apiKey, apiKeyId: this.identity.apiKeyId }
          : {}),
      },
      domainName,
      apiId: api.apiId,
    };
    if (this.authorizer) context['authorizer'] = this.authorizer;
    return context;
  }

  /** `method.request.*` parameters for `$input.params()`. */
  methodParams(): {
    path: Record<string, string>;
    querystring: Record<string, string>;
    header: Record<string, string>;
  } {
    this.cachedParams ??= {
      path: { ...this.init.pathParameters },
      querystring: this.init.query.toSingle(),
      header: this.init.headers.toSingle(),
    };
    return this.cachedParams;
  }

  /** The ARN Lambda authorizer policies are evaluated against. */
  methodArn(): string {
    const { api, stage, method, path } = this.init;
    return `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${stage.name}/${method}/${path.replace(/^\/+/, '')}`;
  }
}
