// What the REST, HTTP and WebSocket API emulators share, so all three API types behave alike. The flavours
// import this barrel only, never each other.
export {
  GatewayDefinitionError,
  invalidDefinition,
  unknownFunction,
  unsupported,
  type DefinitionLocation,
  type GatewayDefinitionErrorCode,
} from './definition/definition-error';
export { isRecord, recordOrEmpty, stringOrUndefined, stringRecord, type JsonRecord } from './definition/json-values';
export {
  checkDocument,
  checkOperation,
  methodOfKey,
  pathItems,
  type DocumentExtensions,
} from './definition/openapi-document';
export type { PlaceholderResolver } from './definition/placeholder-resolver';
export { resolvePlaceholders } from './definition/placeholders';
export { AuthorizerCache } from './auth/authorizer-cache';
export { evaluatePolicy, type PolicyDecision } from './auth/iam-policy';
export { isBlank, stripBearer, type IdentitySource } from './auth/identity-sources';
export { parseAuthorizerResult, type LambdaAuthorizerResult } from './auth/lambda-authorizer-result';
export { functionIdFromUri } from './integrations/lambda-uri';
export { withTimeout } from './integrations/with-timeout';
export { decodeOrKeep } from './request/percent-decoding';
export { newGatewayId, newRequestId, newTraceId, requestTime, stableId } from './request/request-ids';
export { apiGatewayListener } from './api-gateway-listener';
export type { GatewayExchange, GatewayRequest, GatewayResponse } from './gateway-exchange';
export { httpPayload } from './http-payload';
