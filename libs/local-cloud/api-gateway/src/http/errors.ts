import { GatewayDefinitionError } from '@harbor/local-cloud-gateway';

/**
 * Start-up failures of the HTTP API emulator. They reuse the REST gateway's `GatewayDefinitionError` (file, route,
 * feature) so the local cloud reports every API definition problem the same way; request-time problems are
 * answered with API Gateway's own HTTP API responses instead.
 */
export interface DefinitionLocation {
  readonly file: string;
  /** A route key (`GET /orders/{id}`) or a document-level place. */
  readonly route?: string;
}

export const unsupported = (location: DefinitionLocation, feature: string, detail: string): GatewayDefinitionError =>
  new GatewayDefinitionError('GATEWAY.UNSUPPORTED_FEATURE', location, feature, detail);

export const invalidDefinition = (location: DefinitionLocation, feature: string, detail: string): GatewayDefinitionError =>
  new GatewayDefinitionError('GATEWAY.INVALID_DEFINITION', location, feature, detail);

export const unknownFunction = (location: DefinitionLocation, feature: string, functionId: string): GatewayDefinitionError =>
  new GatewayDefinitionError('GATEWAY.UNKNOWN_FUNCTION', location, feature, `function ${functionId} is not known to the Lambda runtime`);
