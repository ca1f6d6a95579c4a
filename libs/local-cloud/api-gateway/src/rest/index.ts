export { createRestApi } from './create-rest-api';
export { restApiListener } from './http-listener';
export type {
  ApiKeySpec,
  AuthorizationType,
  CreateRestApiOptions,
  GatewayRequest,
  GatewayResponse,
  IntegrationType,
  MethodThrottles,
  PlaceholderResolver,
  QuotaSpec,
  RestApi,
  RouteSummary,
  StageSpec,
  ThrottleSpec,
  UsagePlanSpec,
  UsagePlanStage,
} from './rest-api.types';
export type {
  CognitoTokenCheck,
  RestApiAuthenticator,
  SigV4Request,
  SigV4Verification,
  TokenVerification,
} from './ports/authenticator.port';
export type { AwsServiceCall, AwsServiceDispatcher, AwsServiceReply } from './ports/aws-services.port';
export {
  snsPublishDispatcher,
  type PublishToSns,
  type SnsMessageAttribute,
  type SnsPublishOutcome,
  type SnsPublishParams,
} from './ports/sns-publish.dispatcher';
export { queryProtocolDispatcher, type QueryProtocolEndpoint } from './ports/query-protocol.dispatcher';
export { GatewayDefinitionError, type GatewayDefinitionErrorCode } from './errors';
// Shared with the HTTP API and WebSocket API emulators, so all three API types behave alike.
export { resolvePlaceholders } from './definition/placeholders';
export { functionIdFromUri } from './integrations/lambda-uri';
export { withTimeout } from './integrations/integration';
export { newGatewayId, newRequestId, newTraceId, requestTime, stableId } from './request/request-ids';
export { evaluatePolicy, type PolicyDecision } from './auth/iam-policy';
export { parseAuthorizerResult, type LambdaAuthorizerResult } from './auth/lambda-authorizer-result';
