import type { RequestState } from '../pipeline/request-state';
import type { GatewayError } from '../responses/gateway-response-types';
import type { GatewayResponse, IntegrationType } from '../rest-api.types';

export type IntegrationResult = { readonly response: GatewayResponse; readonly error?: undefined } | { readonly error: GatewayError; readonly response?: undefined };

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
export const internalServerError = (status = 500): GatewayError => ({ responseType: 'DEFAULT_5XX', status, message: 'Internal server error', spacedBody: true });
export const configurationError = (): GatewayError => ({ responseType: 'API_CONFIGURATION_ERROR' });

/**
 * Races `work` against the integration timeout; `undefined` means the timeout won. Settled by hand rather than
 * with `Promise.race`, which builds an array and two more promises on every request.
 */
export const withTimeout = <T>(work: Promise<T>, timeoutMs: number): Promise<T | undefined> =>
  new Promise<T | undefined>((resolve, reject) => {
    const timer = setTimeout(resolve, timeoutMs, undefined);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
