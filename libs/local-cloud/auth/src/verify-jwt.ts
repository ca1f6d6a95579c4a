import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { TokenUse } from './cognito-claims';
import { jwtFailure, reasonForJoseError, type JwtFailure } from './jwt-failure';

export interface VerifyJwtOptions {
  /** Must equal the token's `iss`. */
  readonly issuer: string;
  /** The authorizer's audiences: `aud` must match one, or `client_id` when there is no `aud` (API Gateway's rule). */
  readonly audience?: string | readonly string[];
  /** The route's scopes: the token's `scope` (or `scp`) must hold at least one of them, as API Gateway requires. */
  readonly requiredScopes?: readonly string[];
  /** `id` or `access`: a Cognito authorizer without scopes takes ID tokens, with scopes access tokens. */
  readonly tokenUse?: TokenUse;
  readonly jwks: JSONWebKeySet;
  readonly now?: Date;
  /** Leeway on `exp`, `nbf` and `iat`. AWS documents none; default 0. */
  readonly clockToleranceSeconds?: number;
}

export type JwtVerification = { readonly ok: true; readonly claims: JWTPayload } | JwtFailure;

// API Gateway accepts only RSA-signed tokens; Cognito signs with RS256.
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

const keySets = new WeakMap<JSONWebKeySet, ReturnType<typeof createLocalJWKSet>>();
const keySetOf = (jwks: JSONWebKeySet): ReturnType<typeof createLocalJWKSet> => {
  let keySet = keySets.get(jwks);
  if (!keySet) keySets.set(jwks, (keySet = createLocalJWKSet(jwks)));
  return keySet;
};

const asList = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

function scopesOf(claims: JWTPayload): string[] {
  const raw = claims['scope'] ?? claims['scp'];
  if (typeof raw === 'string') return raw.split(' ').filter((scope) => scope.length > 0);
  return Array.isArray(raw) ? raw.filter((scope): scope is string => typeof scope === 'string') : [];
}

/** The claims checks jose leaves to the caller, in API Gateway's order. */
function checkClaims(claims: JWTPayload, options: VerifyJwtOptions, nowSeconds: number): JwtFailure | undefined {
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds + (options.clockToleranceSeconds ?? 0)) {
    return jwtFailure('not-yet-valid', 'iat is in the future');
  }
  const audiences = asList(options.audience);
  if (audiences.length > 0) {
    const presented =
      claims.aud !== undefined
        ? asList(claims.aud)
        : asList(typeof claims['client_id'] === 'string' ? claims['client_id'] : undefined);
    if (!presented.some((audience) => audiences.includes(audience))) return jwtFailure('wrong-audience');
  }
  if (options.tokenUse && claims['token_use'] !== options.tokenUse) {
    return jwtFailure('wrong-token-use', `expected ${options.tokenUse}, got ${String(claims['token_use'])}`);
  }
  const required = options.requiredScopes ?? [];
  if (required.length > 0 && !scopesOf(claims).some((scope) => required.includes(scope))) {
    return jwtFailure('insufficient-scope', `one of ${required.join(', ')}`);
  }
  return undefined;
}

/**
 * Verifies a bearer token as an HTTP API JWT authorizer or a REST API Cognito authorizer does: RSA signature by a
 * key of the issuer's JWKS named by the token's `kid`, `exp`, `nbf`, `iat`, `iss`, audience, token use and scopes.
 * Never throws for a bad token: it answers the reason.
 */
export async function verifyJwt(token: string, options: VerifyJwtOptions): Promise<JwtVerification> {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return jwtFailure('malformed');
  }
  if (typeof kid !== 'string' || !options.jwks.keys.some((key) => key.kid === kid)) return jwtFailure('unknown-key');
  const now = options.now ?? new Date();
  try {
    const { payload } = await jwtVerify(token, keySetOf(options.jwks), {
      algorithms: ALGORITHMS,
      issuer: options.issuer,
      currentDate: now,
      clockTolerance: options.clockToleranceSeconds ?? 0,
      requiredClaims: ['exp'],
    });
    return checkClaims(payload, options, Math.floor(now.getTime() / 1000)) ?? { ok: true, claims: payload };
  } catch (error) {
    const { code, claim, message } = error as { code?: string; claim?: string; message?: string };
    return jwtFailure(reasonForJoseError(code, claim), message);
  }
}
