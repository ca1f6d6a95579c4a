// One API Gateway for the local cloud: REST APIs (v1), HTTP APIs (v2) and WebSocket APIs, over a shared core.
export { GatewayDefinitionError, type GatewayDefinitionErrorCode } from './core/definition/definition-error';
export type { PlaceholderResolver } from './core/definition/placeholder-resolver';
export type { GatewayRequest, GatewayResponse } from './core/gateway-exchange';

// REST APIs
export { createRestApi } from './rest/create-rest-api';
export { restApiListener } from './rest/rest-api-listener';
export type {
  ApiKeySpec,
  AuthorizationType,
  CreateRestApiOptions,
  IntegrationType,
  MethodThrottles,
  QuotaSpec,
  RestApi,
  RouteSummary,
  StageSpec,
  ThrottleSpec,
  UsagePlanSpec,
  UsagePlanStage,
} from './rest/rest-api.types';
export type {
  CognitoTokenCheck,
  RestApiAuthenticator,
  SigV4Request,
  SigV4Verification,
  TokenVerification,
} from './rest/auth/rest-api-authenticator';
export type { AwsServiceCall, AwsServiceDispatcher, AwsServiceReply } from './rest/aws-services/aws-service-dispatcher';
export {
  snsPublishDispatcher,
  type PublishToSns,
  type SnsMessageAttribute,
  type SnsPublishOutcome,
  type SnsPublishParams,
} from './rest/aws-services/sns-publish.dispatcher';
export { queryProtocolDispatcher, type QueryProtocolEndpoint } from './rest/aws-services/query-protocol.dispatcher';

// HTTP APIs
export { createHttpApi } from './http/create-http-api';
export { httpApiListener } from './http/http-api-listener';
export type {
  CreateHttpApiOptions,
  HttpApi,
  HttpApiRouteSummary,
  JsonWebKeySet,
  JwksResolver,
} from './http/http-api.types';
// AWS's route priority, for serving several HTTP APIs on one local port.
export { RouteTable, type RouteMatch, type TableEntry } from './http/routing/route-table';
export { parseRoutePath, type PathPart } from './http/routing/route-path';

// WebSocket APIs
export { createWebSocketApi } from './websocket/create-websocket-api';
export { connectionsEndpoint, connectionsListener } from './websocket/management/connections-endpoint';
export type {
  ConnectionSummary,
  ConnectionsRequest,
  ConnectionsResponse,
  CreateWebSocketApiOptions,
  WebSocketApi,
  WebSocketAuthorizerDeclaration,
  WebSocketRouteDeclaration,
  WebSocketRouteSummary,
} from './websocket/websocket-api.types';
