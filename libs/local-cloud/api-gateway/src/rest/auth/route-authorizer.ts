import type { RequestState } from '../pipeline/request-state';
import type { GatewayError } from '../responses/gateway-response-types';
import type { AuthorizationType } from '../rest-api.types';

export type AuthorizationOutcome =
  | {
      readonly ok: true;
      /** A Lambda authorizer's `usageIdentifierKey` (the API key when the key source is AUTHORIZER). */
      readonly usageIdentifierKey?: string;
      /** For the trace: whether a cached decision answered. */
      readonly cached?: boolean;
    }
  | { readonly ok: false; readonly error: GatewayError; readonly cached?: boolean };

/** One authorizer, shared by the methods that name it (so its cache is shared too, as in API Gateway). */
export interface RouteAuthorizer {
  readonly type: Exclude<AuthorizationType, 'NONE'>;
  readonly name: string;
  /** On success the authorizer has filled `state`'s authorizer context or caller identity. */
  authorize(state: RequestState): Promise<AuthorizationOutcome>;
}

export const unauthorized = (): AuthorizationOutcome => ({ ok: false, error: { responseType: 'UNAUTHORIZED' } });
