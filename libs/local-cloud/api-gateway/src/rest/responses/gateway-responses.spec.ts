import { bodyText } from '../../../test/rest/support/requests';
import { GatewayResponses } from './gateway-responses';
import type { GatewayError, GatewayResponseType } from './gateway-response-types';

const request = { context: { requestId: 'req-1', stage: 'v1' }, stageVariables: { env: 'local' } };

describe('GatewayResponses defaults', () => {
  it.each<[GatewayResponseType, number, string, string]>([
    [
      'MISSING_AUTHENTICATION_TOKEN',
      403,
      '{"message":"Missing Authentication Token"}',
      'MissingAuthenticationTokenException',
    ],
    ['UNAUTHORIZED', 401, '{"message":"Unauthorized"}', 'UnauthorizedException'],
    ['ACCESS_DENIED', 403, '{"message":"User is not authorized to access this resource"}', 'AccessDeniedException'],
    ['INVALID_API_KEY', 403, '{"message":"Forbidden"}', 'ForbiddenException'],
    ['THROTTLED', 429, '{"message":"Too Many Requests"}', 'TooManyRequestsException'],
    ['QUOTA_EXCEEDED', 429, '{"message":"Limit Exceeded"}', 'LimitExceededException'],
    ['BAD_REQUEST_BODY', 400, '{"message":"Invalid request body"}', 'BadRequestException'],
    ['UNSUPPORTED_MEDIA_TYPE', 415, '{"message":"Unsupported Media Type"}', 'UnsupportedMediaTypeException'],
    ['REQUEST_TOO_LARGE', 413, '{"message":"Request Too Long"}', 'RequestTooLargeException'],
    [
      'EXPIRED_TOKEN',
      403,
      '{"message":"The security token included in the request is expired"}',
      'ExpiredTokenException',
    ],
    ['AUTHORIZER_CONFIGURATION_ERROR', 500, '{"message":null}', 'AuthorizerConfigurationException'],
    ['AUTHORIZER_FAILURE', 500, '{"message":null}', 'AuthorizerFailureException'],
    ['API_CONFIGURATION_ERROR', 500, '{"message":"Internal server error"}', 'InternalServerErrorException'],
    ['INTEGRATION_TIMEOUT', 504, '{"message":"Endpoint request timed out"}', 'InternalServerErrorException'],
    ['INTEGRATION_FAILURE', 504, '{"message":"Internal server error"}', 'InternalServerErrorException'],
    ['DEFAULT_4XX', 400, '{"message":"Bad Request"}', 'BadRequestException'],
    ['DEFAULT_5XX', 500, '{"message":"Internal server error"}', 'InternalServerErrorException'],
  ])('%s answers %d %s', (responseType, status, body, errorType) => {
    const response = new GatewayResponses(undefined, 'api.yaml').render({ responseType }, request);
    expect(response.status).toBe(status);
    expect(bodyText(response)).toBe(body);
    expect(response.headers).toMatchObject({
      'Content-Type': 'application/json',
      'x-amzn-ErrorType': errorType,
      'x-amzn-RequestId': 'req-1',
    });
  });

  it('prints integration failures with the space AWS puts after the colon', () => {
    const error: GatewayError = {
      responseType: 'DEFAULT_5XX',
      status: 502,
      message: 'Internal server error',
      spacedBody: true,
    };
    const response = new GatewayResponses(undefined, 'api.yaml').render(error, request);
    expect(response.status).toBe(502);
    expect(bodyText(response)).toBe('{"message": "Internal server error"}');
  });
});

describe('customised gateway responses', () => {
  const responses = new GatewayResponses(
    {
      DEFAULT_4XX: {
        statusCode: 418,
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
          'gatewayresponse.header.X-Env': 'stageVariables.env',
        },
        responseTemplates: {
          'application/json':
            '{"problem":$context.error.messageString,"kind":"$context.error.responseType","env":"$stageVariables.env"}',
        },
      },
      DEFAULT_5XX: { responseTemplates: { 'application/json': '{"oops":"$context.requestId"}' } },
      THROTTLED: { statusCode: 503, responseParameters: { 'gatewayresponse.header.Retry-After': "'1'" } },
    },
    'api.yaml',
  );

  it('falls back to DEFAULT_4XX for types not customised, status included', () => {
    const response = responses.render({ responseType: 'INVALID_API_KEY' }, request);
    expect(response.status).toBe(418);
    expect(bodyText(response)).toBe('{"problem":"Forbidden","kind":"INVALID_API_KEY","env":"local"}');
    expect(response.headers).toMatchObject({ 'Access-Control-Allow-Origin': '*', 'X-Env': 'local' });
  });

  it("uses a type's own status and headers over DEFAULT_4XX, keeping the fallback template", () => {
    const response = responses.render({ responseType: 'THROTTLED' }, request);
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ 'Retry-After': '1', 'Access-Control-Allow-Origin': '*' });
    expect(bodyText(response)).toBe('{"problem":"Too Many Requests","kind":"THROTTLED","env":"local"}');
  });

  it('customises the 502 of a failed Lambda proxy call through DEFAULT_5XX', () => {
    const response = responses.render(
      { responseType: 'DEFAULT_5XX', status: 502, message: 'Internal server error', spacedBody: true },
      request,
    );
    expect(response.status).toBe(502);
    expect(bodyText(response)).toBe('{"oops":"req-1"}');
  });

  it.each([
    ['#if($x)a#end', '#if'],
    ['$util.escapeJavaScript($context.error.message)', '$util'],
    ['{"a":"$context.responseOverride.status"}', '$context.responseOverride.status is not emulated'],
  ])('refuses %s at start-up: gateway responses are not VTL', (template, feature) => {
    expect(
      () => new GatewayResponses({ DEFAULT_4XX: { responseTemplates: { 'application/json': template } } }, 'api.yaml'),
    ).toThrow(feature);
  });

  it('refuses an unknown response type', () => {
    expect(() => new GatewayResponses({ NOT_A_TYPE: {} }, 'api.yaml')).toThrow(
      'unknown gateway response type NOT_A_TYPE',
    );
  });
});
