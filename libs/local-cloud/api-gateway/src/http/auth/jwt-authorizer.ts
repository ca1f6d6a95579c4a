import { verifyJwt } from '@harbor/local-cloud-auth';
import type { JsonWebKeySet } from '../http-api.types';
import type { JwtAuthorizerContext, V2Request } from '../request/v2-request';
import { readV2Query } from '../request/v2-query';
import { stripBearer } from '../../core';
import type { TokenSource } from './identity-source';
import { stringifyJwtClaims, tokenScopes } from './jwt-claims';

export interface JwtAuthorizerSpec {
  readonly name: string;
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly source: TokenSource;
  readonly jwks: JsonWebKeySet;
}

export type JwtOutcome =
  | { readonly ok: true; readonly context: JwtAuthorizerContext }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string; readonly description: string };

/**
 * An HTTP API JWT authorizer: the token from the identity source must verify against the issuer's keys (RSA
 * signature, `exp`/`nbf`/`iat`, `iss`, `aud` or `client_id`) and hold one of the route's scopes. Missing or
 * invalid answers 401, a valid token without the scope 403.
 */
export class JwtAuthorizer {
  readonly type = 'JWT';

  constructor(readonly spec: JwtAuthorizerSpec) {}

  async authorize(request: V2Request, requiredScopes: readonly string[], now: Date): Promise<JwtOutcome> {
    const raw = this.spec.source.read(request, readV2Query(request.rawQueryString));
    const token = raw === undefined ? '' : stripBearer(raw);
    if (token.length === 0)
      return { ok: false, status: 401, reason: 'missing', description: `no token in ${this.spec.source.expression}` };
    const verdict = await verifyJwt(token, {
      issuer: this.spec.issuer,
      audience: this.spec.audience,
      requiredScopes,
      jwks: this.spec.jwks,
      now,
    });
    if (!verdict.ok)
      return { ok: false, status: verdict.statusCode, reason: verdict.reason, description: verdict.description };
    return { ok: true, context: { claims: stringifyJwtClaims(verdict.claims), scopes: tokenScopes(verdict.claims) } };
  }
}
