import type { RestApiAuthenticator } from './rest-api-authenticator';
import { issuerOf, stringifyClaims } from './cognito-claims';
import { isBlank, stripBearer } from '../../core';
import { unauthorized, type RouteAuthorizer } from './route-authorizer';

/** API Gateway's 401 body for an expired Cognito token: `{"message":"The incoming token has expired"}`. */
const EXPIRED_TOKEN_MESSAGE = 'The incoming token has expired';

export interface CognitoAuthorizerSpec {
  readonly name: string;
  /** The header carrying the token (from `identitySource`, `Authorization` by default). */
  readonly header: string;
  readonly providerArns: readonly string[];
  readonly scopes: readonly string[];
  readonly authenticator: RestApiAuthenticator;
}

/**
 * `cognito_user_pools`: the token in the header must verify against one of the pools (and carry the method's
 * scopes); otherwise 401 Unauthorized. The claims reach the integration as `requestContext.authorizer.claims`.
 */
export const cognitoAuthorizer = (spec: CognitoAuthorizerSpec): RouteAuthorizer => ({
  type: 'COGNITO_USER_POOLS',
  name: spec.name,
  async authorize(state) {
    const header = state.init.headers.get(spec.header);
    if (isBlank(header)) return unauthorized();
    const token = stripBearer(header as string);
    let denied = false;
    for (const providerArn of spec.providerArns) {
      let verdict;
      try {
        verdict = await spec.authenticator.verifyCognitoToken(token, {
          issuer: issuerOf(providerArn),
          providerArn,
          requiredScopes: spec.scopes,
        });
      } catch {
        return { ok: false, error: { responseType: 'AUTHORIZER_CONFIGURATION_ERROR' } };
      }
      if (verdict.ok) {
        state.setAuthorizer({ claims: stringifyClaims(verdict.claims) });
        return { ok: true };
      }
      // A well-signed token past its exp: API Gateway names the expiry, and clients' token refresh keys on it.
      if (verdict.reason === 'expired')
        return { ok: false, error: { responseType: 'UNAUTHORIZED', message: EXPIRED_TOKEN_MESSAGE } };
      denied ||= verdict.statusCode === 403;
    }
    // A valid token lacking the method's scopes is refused with 403 when the verifier says so; anything else 401.
    return denied ? { ok: false, error: { responseType: 'ACCESS_DENIED' } } : unauthorized();
  },
});
