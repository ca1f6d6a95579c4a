/**
 * API Gateway's gateway response types with their default status codes, default messages and the
 * `x-amzn-ErrorType` header AWS sends with them. A type not customised falls back to DEFAULT_4XX/DEFAULT_5XX.
 */
export type GatewayResponseType =
  | 'ACCESS_DENIED'
  | 'API_CONFIGURATION_ERROR'
  | 'AUTHORIZER_CONFIGURATION_ERROR'
  | 'AUTHORIZER_FAILURE'
  | 'BAD_REQUEST_PARAMETERS'
  | 'BAD_REQUEST_BODY'
  | 'DEFAULT_4XX'
  | 'DEFAULT_5XX'
  | 'EXPIRED_TOKEN'
  | 'INTEGRATION_FAILURE'
  | 'INTEGRATION_TIMEOUT'
  | 'INVALID_API_KEY'
  | 'INVALID_SIGNATURE'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'QUOTA_EXCEEDED'
  | 'REQUEST_TOO_LARGE'
  | 'RESOURCE_NOT_FOUND'
  | 'THROTTLED'
  | 'UNAUTHORIZED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'WAF_FILTERED';

interface TypeDefaults {
  readonly status: number;
  readonly message: string | null;
  readonly errorType: string;
}

export const GATEWAY_RESPONSE_DEFAULTS: Readonly<Record<GatewayResponseType, TypeDefaults>> = {
  ACCESS_DENIED: {
    status: 403,
    message: 'User is not authorized to access this resource',
    errorType: 'AccessDeniedException',
  },
  API_CONFIGURATION_ERROR: { status: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  AUTHORIZER_CONFIGURATION_ERROR: { status: 500, message: null, errorType: 'AuthorizerConfigurationException' },
  AUTHORIZER_FAILURE: { status: 500, message: null, errorType: 'AuthorizerFailureException' },
  BAD_REQUEST_PARAMETERS: {
    status: 400,
    message: 'Missing required request parameters',
    errorType: 'BadRequestException',
  },
  BAD_REQUEST_BODY: { status: 400, message: 'Invalid request body', errorType: 'BadRequestException' },
  DEFAULT_4XX: { status: 400, message: 'Bad Request', errorType: 'BadRequestException' },
  DEFAULT_5XX: { status: 500, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  EXPIRED_TOKEN: {
    status: 403,
    message: 'The security token included in the request is expired',
    errorType: 'ExpiredTokenException',
  },
  INTEGRATION_FAILURE: { status: 504, message: 'Internal server error', errorType: 'InternalServerErrorException' },
  INTEGRATION_TIMEOUT: {
    status: 504,
    message: 'Endpoint request timed out',
    errorType: 'InternalServerErrorException',
  },
  INVALID_API_KEY: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  INVALID_SIGNATURE: {
    status: 403,
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    errorType: 'InvalidSignatureException',
  },
  MISSING_AUTHENTICATION_TOKEN: {
    status: 403,
    message: 'Missing Authentication Token',
    errorType: 'MissingAuthenticationTokenException',
  },
  QUOTA_EXCEEDED: { status: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Too Long', errorType: 'RequestTooLargeException' },
  RESOURCE_NOT_FOUND: { status: 404, message: 'Resource not found', errorType: 'ResourceNotFoundException' },
  THROTTLED: { status: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Unsupported Media Type',
    errorType: 'UnsupportedMediaTypeException',
  },
  WAF_FILTERED: { status: 403, message: 'Forbidden', errorType: 'WAFFilteredException' },
};

export const isGatewayResponseType = (value: string): value is GatewayResponseType =>
  Object.prototype.hasOwnProperty.call(GATEWAY_RESPONSE_DEFAULTS, value);

/** A failure the gateway answers itself, before or instead of the integration's response. */
export interface GatewayError {
  readonly responseType: GatewayResponseType;
  /** Defaults to the type's message; `null` renders `{"message":null}` as AWS does for authorizer errors. */
  readonly message?: string | null;
  /** When AWS answers a type with another status than its default (502 for a failed Lambda proxy call). */
  readonly status?: number;
  readonly validationErrorString?: string;
  /** AWS's integration failures print `{"message": "..."}` with a space, unlike the gateway-response template. */
  readonly spacedBody?: boolean;
  /** Overrides the type's `x-amzn-ErrorType` (IAM failures name theirs: `UnrecognizedClientException`...). */
  readonly errorType?: string;
}
