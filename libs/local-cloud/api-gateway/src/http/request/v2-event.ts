import { requestTime } from '../../core';
import { encodeBody } from './body-encoding';
import type { ApiIdentity, AuthorizerOutput, V2Request } from './v2-request';
import { readV2Query } from './v2-query';

export interface V2EventInput {
  readonly request: V2Request;
  readonly api: ApiIdentity;
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly authorizer?: AuthorizerOutput;
}

const orAbsent = <T extends object>(value: T): T | undefined => (Object.keys(value).length === 0 ? undefined : value);

/**
 * `requestContext.authorizer` of payload 2.0: `jwt` with the claims and scopes, or `lambda` with the context a Lambda
 * authorizer returned (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html).
 */
const v2Authorizer = (authorizer: AuthorizerOutput): Record<string, unknown> =>
  authorizer.kind === 'jwt'
    ? {
        jwt: {
          claims: { ...authorizer.jwt.claims },
          scopes: authorizer.jwt.scopes ? [...authorizer.jwt.scopes] : null,
        },
      }
    : { lambda: { ...authorizer.lambda.context } };

/**
 * The Lambda event of payload format 2.0. As AWS sends it: optional fields (`cookies`, `queryStringParameters`,
 * `pathParameters`, `stageVariables`, `body`, `requestContext.authorizer`) are absent rather than null when empty.
 */
export const buildV2Event = ({
  request,
  api,
  routeKey,
  pathParameters,
  authorizer,
}: V2EventInput): Record<string, unknown> => {
  const domainName = request.headers['host'] ?? `${api.apiId}.execute-api.${api.region}.amazonaws.com`;
  const { body, isBase64Encoded } = encodeBody(request.body, request.headers['content-type']);
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
  };
  if (request.cookies.length > 0) event['cookies'] = [...request.cookies];
  event['headers'] = { ...request.headers };
  const query = readV2Query(request.rawQueryString);
  if (query) event['queryStringParameters'] = query;
  event['requestContext'] = {
    accountId: api.accountId,
    apiId: api.apiId,
    ...(authorizer ? { authorizer: v2Authorizer(authorizer) } : {}),
    domainName,
    domainPrefix: domainName.split('.')[0],
    http: {
      method: request.method,
      path: request.rawPath,
      protocol: request.protocol,
      sourceIp: request.sourceIp,
      userAgent: request.headers['user-agent'] ?? '',
    },
    requestId: request.requestId,
    routeKey,
    stage: api.stage,
    time: requestTime(request.startedAt),
    timeEpoch: request.startedAt,
  };
  if (body !== undefined) event['body'] = body;
  const parameters = orAbsent({ ...pathParameters });
  if (parameters) event['pathParameters'] = parameters;
  event['isBase64Encoded'] = isBase64Encoded;
  const variables = orAbsent({ ...api.stageVariables });
  if (variables) event['stageVariables'] = variables;
  return event;
};
