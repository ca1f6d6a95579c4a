import { GatewayDefinitionError } from '@harbor/local-cloud-gateway';

/**
 * Start-up failures of the WebSocket API emulator, reported like the REST gateway's (file, route, feature) so
 * the local cloud shows every API definition problem the same way. Nothing is silently skipped.
 */
export interface DefinitionLocation {
  readonly file: string;
  /** A route key (`$connect`, `sendMessage`) or `authorizer`. */
  readonly route?: string;
}

export const unsupported = (location: DefinitionLocation, feature: string, detail: string): GatewayDefinitionError =>
  new GatewayDefinitionError('GATEWAY.UNSUPPORTED_FEATURE', location, feature, detail);

export const invalidDefinition = (location: DefinitionLocation, feature: string, detail: string): GatewayDefinitionError =>
  new GatewayDefinitionError('GATEWAY.INVALID_DEFINITION', location, feature, detail);

export const unknownFunction = (location: DefinitionLocation, feature: string, functionId: string): GatewayDefinitionError =>
  new GatewayDefinitionError('GATEWAY.UNKNOWN_FUNCTION', location, feature, `function ${functionId} is not known to the Lambda runtime`);
