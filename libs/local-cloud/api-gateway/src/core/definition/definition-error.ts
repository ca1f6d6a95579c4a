import { StartupError } from '@harbor/platform-service-definitions';

/**
 * The one error of the API Gateway emulators (REST, HTTP and WebSocket APIs). Only start-up can fail: a definition
 * an emulator cannot serve exactly as API Gateway would stops it with the file, the route and the feature named,
 * so nothing is silently skipped. Request-time problems become API Gateway's own responses instead.
 */
export type GatewayDefinitionErrorCode =
  | 'GATEWAY.UNSUPPORTED_FEATURE'
  | 'GATEWAY.INVALID_DEFINITION'
  | 'GATEWAY.UNRESOLVED_PLACEHOLDER'
  | 'GATEWAY.UNKNOWN_FUNCTION';

export interface DefinitionLocation {
  /** The API definition file, as the caller named it. */
  readonly file: string;
  /** A route (`POST /orders`, `$connect`) or a document-level place (`x-amazon-apigateway-gateway-responses`). */
  readonly route?: string;
  /** The line in the file, when known. */
  readonly line?: number;
}

const describePlace = ({ file, route, line }: DefinitionLocation): string =>
  `${line === undefined ? file : `${file}:${line}`}${route ? ` (${route})` : ''}`;

export class GatewayDefinitionError extends StartupError {
  // Always known here; the base allows them to be missing.
  declare readonly file: string;
  declare readonly feature: string;
  readonly code: GatewayDefinitionErrorCode;
  readonly route: string | undefined;

  constructor(
    code: GatewayDefinitionErrorCode,
    location: DefinitionLocation,
    feature: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    const place = { file: location.file, line: location.line, feature };
    super(`${describePlace(location)}: ${feature}: ${detail}`, place, options);
    this.name = 'GatewayDefinitionError';
    this.code = code;
    this.route = location.route;
  }
}

type DefinitionProblem = (location: DefinitionLocation, feature: string, detail: string) => GatewayDefinitionError;

/** The most common start-up failure: something API Gateway does that is not emulated. */
export const unsupported: DefinitionProblem = (location, feature, detail) =>
  new GatewayDefinitionError('GATEWAY.UNSUPPORTED_FEATURE', location, feature, detail);

export const invalidDefinition: DefinitionProblem = (location, feature, detail) =>
  new GatewayDefinitionError('GATEWAY.INVALID_DEFINITION', location, feature, detail);

/** `detail` is the function id the definition names. */
export const unknownFunction: DefinitionProblem = (location, feature, functionId) =>
  new GatewayDefinitionError(
    'GATEWAY.UNKNOWN_FUNCTION',
    location,
    feature,
    `function ${functionId} is not known to the Lambda runtime`,
  );
