import { requestTime } from '../../core';
import { encodeBody } from './body-encoding';
import type { ApiIdentity, AuthorizerOutput, V2Request } from './v2-request';
import { readV1Query } from './v1-query';

export interface V1EventInput {
  readonly request: V2Request;
  readonly api: ApiIdentity;
  readonly routeKey: string;
  /** The route's path as declared (`/pets/{id}`), or undefined for `$default`. */
  readonly resourcePath: string | undefined;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly authorizer?: AuthorizerOutput;
}

const orNull = <T extends object>(value: T): T | null => (Object.keys(value).length === 0 ? null : value);

/**
 * `requestContext.authorizer` of payload 1.0: a JWT authorizer's `claims` and `scopes` (null without one, as AWS's
 * example shows); a Lambda authorizer's context keys at the top, with `principalId` (IAM format) and
 * `integrationLatency`, the REST-compatible layout format 1.0 exists for.
 */
const v1Authorizer = (authorizer: AuthorizerOutput | undefined): Record<string, unknown> => {
  if (!authorizer) return { claims: null, scopes: null };
  if (authorizer.kind === 'jwt')
    return { claims: { ...authorizer.jwt.claims }, scopes: authorizer.jwt.scopes ? [...authorizer.jwt.scopes] : null };
  const { context, principalId, integrationLatency } = authorizer.lambda;
  return { ...context, ...(principalId === undefined ? {} : { principalId }), integrationLatency };
};

/** `requestContext` of payload 1.0 (shared with the 1.0 authorizer event). */
export const v1RequestContext = (input: V1EventInput, path: string): Record<string, unknown> => {
  const { request, api, routeKey } = input;
  const domainName = request.headers['host'] ?? `${api.apiId}.execute-api.${api.region}.amazonaws.com`;
  return {
    accountId: api.accountId,
    apiId: api.apiId,
    authorizer: v1Authorizer(input.authorizer),
    domainName,
    domainPrefix: domainName.split('.')[0],
    extendedRequestId: request.requestId,
    httpMethod: request.method,
    identity: {
      accessKey: null,
      accountId: null,
      caller: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      sourceIp: request.sourceIp,
      user: null,
      userAgent: request.headers['user-agent'] ?? '',
      userArn: null,
    },
    path: request.rawPath,
    protocol: request.protocol,
    requestId: request.requestId,
    requestTime: requestTime(request.startedAt),
    requestTimeEpoch: request.startedAt,
    resourceId: routeKey,
    resourcePath: path,
    stage: api.stage,
  };
};

/** The 1.0 event's request part: what the integration and a 1.0 Lambda authorizer both receive. */
export const v1RequestFields = (input: V1EventInput): Record<string, unknown> => {
  const { request, api, pathParameters } = input;
  const resource = input.resourcePath ?? request.routePath;
  const headers: Record<string, string> = { ...request.headers };
  if (request.cookies.length > 0) headers['cookie'] = request.cookies.join('; ');
  const query = readV1Query(request.rawQueryString);
  return {
    version: '1.0',
    resource,
    path: request.rawPath,
    httpMethod: request.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(request.multiValueHeaders).map(([k, v]) => [k, [...v]])),
    queryStringParameters: orNull(query.single),
    multiValueQueryStringParameters: orNull(query.multi),
    requestContext: v1RequestContext(input, resource),
    pathParameters: orNull({ ...pathParameters }),
    stageVariables: orNull({ ...api.stageVariables }),
  };
};

/**
 * The Lambda event of payload format 1.0 on an HTTP API
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html): REST's
 * proxy shape with header names lower-cased, `multiValueHeaders` and `multiValueQueryStringParameters`, the last
 * value of a repeated query parameter in `queryStringParameters`, empty maps and an empty body as `null`.
 */
export const buildV1Event = (input: V1EventInput): Record<string, unknown> => {
  const { body, isBase64Encoded } = encodeBody(input.request.body, input.request.headers['content-type']);
  return { ...v1RequestFields(input), body: body ?? null, isBase64Encoded };
};
