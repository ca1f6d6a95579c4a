import { buildV1Event } from '../request/v1-event';
import { buildV2Event } from '../request/v2-event';
import type { ApiIdentity, V2Request } from '../request/v2-request';

export interface AuthorizerEventInput {
  readonly request: V2Request;
  readonly api: ApiIdentity;
  readonly routeKey: string;
  readonly resourcePath: string | undefined;
  readonly pathParameters: Readonly<Record<string, string>>;
  /** `arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>`. */
  readonly routeArn: string;
  /** The identity sources' values, in the order declared. */
  readonly identity: readonly string[];
}

/**
 * The event an HTTP API Lambda authorizer receives, in its `authorizerPayloadFormatVersion`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html): 2.0 is the 2.0
 * request with `type`, `routeArn` and `identitySource` (a list) and no body; 1.0 is REST's REQUEST authorizer event
 * with `methodArn`, and `identitySource` and `authorizationToken` as one comma-separated string.
 */
export const buildAuthorizerEvent = (version: '1.0' | '2.0', input: AuthorizerEventInput): Record<string, unknown> => {
  if (version === '2.0') {
    // The 2.0 request without its body: an authorizer never sees it.
    const { version, ...request } = buildV2Event(input);
    delete request['body'];
    delete request['isBase64Encoded'];
    return { version, type: 'REQUEST', routeArn: input.routeArn, identitySource: [...input.identity], ...request };
  }
  const event = buildV1Event(input);
  const joined = input.identity.join(',');
  const requestContext = { ...(event['requestContext'] as Record<string, unknown>) };
  delete requestContext['authorizer'];
  return {
    version: '1.0',
    type: 'REQUEST',
    methodArn: input.routeArn,
    identitySource: joined,
    authorizationToken: joined,
    resource: event['resource'],
    path: event['path'],
    httpMethod: event['httpMethod'],
    headers: event['headers'],
    queryStringParameters: event['queryStringParameters'],
    requestContext,
    pathParameters: event['pathParameters'],
    stageVariables: event['stageVariables'],
  };
};
