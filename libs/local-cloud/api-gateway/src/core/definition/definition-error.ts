/**
 * Errors of the REST API emulator. Only start-up can fail: a definition the emulator cannot serve exactly as
 * API Gateway would stops `createRestApi` with the file, the route and the feature named, so nothing is
 * silently skipped. Request-time problems become API Gateway's own gateway responses instead.
 */
export type GatewayDefinitionErrorCode =
  | 'GATEWAY.UNSUPPORTED_FEATURE'
  | 'GATEWAY.INVALID_DEFINITION'
  | 'GATEWAY.UNRESOLVED_PLACEHOLDER'
  | 'GATEWAY.UNKNOWN_FUNCTION';

export interface DefinitionLocation {
  /** The OpenAPI file, as the caller named it. */
  readonly file: string;
  /** `POST /orders`, or a document-level place such as `x-amazon-apigateway-gateway-responses`. */
  readonly route?: string;
}

export class GatewayDefinitionError extends Error {
  readonly code: GatewayDefinitionErrorCode;
  readonly file: string;
  readonly route: string | undefined;
  readonly feature: string;

  constructor(
    code: GatewayDefinitionErrorCode,
    location: DefinitionLocation,
    feature: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`${location.file}${location.route ? ` (${location.route})` : ''}: ${feature}: ${detail}`, options);
    this.name = 'GatewayDefinitionError';
    this.code = code;
    this.file = location.file;
    this.route = location.route;
    this.feature = feature;
  }
}

/** Shorthand for the most common start-up failure: something API Gateway does that is not emulated. */
export const unsupported = (location: DefinitionLocation, feature: string, detail: string): GatewayDefinitionError =>
  new GatewayDefinitionError('GATEWAY.UNSUPPORTED_FEATURE', location, feature, detail);

export const invalidDefinition = (location: DefinitionLocation, feature: string, detail: string): GatewayDefinitionError =>
  new GatewayDefinitionError('GATEWAY.INVALID_DEFINITION', location, feature, detail);
