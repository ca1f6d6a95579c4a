import type { RequestState } from '../pipeline/request-state';
import type { GatewayError } from '../responses/gateway-response-types';
import type { GatewayResponse } from '../../core';
import type { IntegrationType } from '../rest-api.types';

export type IntegrationResult =
  | { readonly response: GatewayResponse; readonly error?: undefined }
  | { readonly error: GatewayError; readonly response?: undefined };

/** A method's backend, compiled once; `invoke` runs per request. */
export interface Integration {
  readonly type: IntegrationType;
  /** What it calls, for route listings: a function id, `sns:Publish`, a URL or `mock`. */
  readonly target: string;
  invoke(state: RequestState): Promise<IntegrationResult>;
}

/** API Gateway's default and maximum integration timeout. */
export const DEFAULT_TIMEOUT_MS = 29_000;

export const integrationTimeout = (): GatewayError => ({ responseType: 'INTEGRATION_TIMEOUT', spacedBody: true });
export const internalServerError = (status = 500): GatewayError => ({
  responseType: 'DEFAULT_5XX',
  status,
  message: 'Internal server error',
  spacedBody: true,
});
export const configurationError = (): GatewayError => ({ responseType: 'API_CONFIGURATION_ERROR' });
