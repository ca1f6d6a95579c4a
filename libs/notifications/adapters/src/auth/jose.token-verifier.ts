import type { TokenVerifier } from '@harbor/notifications-application';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

export interface JoseTokenVerifierOptions {
  /** The user pool's issuer URL (Cognito's https://cognito-idp.<region>.amazonaws.com/<pool id>, the local issuer locally). */
  readonly issuer: string;
  /** The app client id: `aud` of an ID token, `client_id` of an access token. */
  readonly audience: string;
  /** Told why a token was refused (for the authorizer's log); never told the token. */
  readonly onRejected?: (reason: string) => void;
}

// Cognito signs with RS256; API Gateway's JWT authorizers accept only RSA.
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/**
 * Whether jose refused the token itself (signature, claims, format, unknown key), as opposed to failing to reach
 * or read the issuer's key set: an outage must fail the call (500, retried), never pass for a bad token (401).
 */
function isTokenError(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return false;
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return false;
  // jose throws the base class for a key set answer other than 200.
  return error.constructor !== errors.JOSEError;
}

/** The app client the token was issued to, as API Gateway's JWT authorizer reads it: `aud`, else `client_id`. */
function clientOf(claims: JWTPayload): string[] {
  if (claims.aud !== undefined) return Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  return typeof claims['client_id'] === 'string' ? [claims['client_id']] : [];
}

/**
 * Verifies a Cognito user pool token (ID or access) against the issuer's JWKS (`<issuer>/.well-known/jwks.json`,
 * fetched once and cached by jose): RSA signature, `iss`, `exp`, app client, `token_use`. The customer is `sub`,
 * as for the REST API's Cognito authorizer. Failing to fetch or read the key set throws.
 */
export class JoseTokenVerifier implements TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: JoseTokenVerifierOptions) {
    if (!options.issuer || !options.audience) throw new TypeError('JoseTokenVerifier needs an issuer and an audience');
    this.keys = createRemoteJWKSet(new URL(`${options.issuer.replace(/\/$/, '')}/.well-known/jwks.json`));
  }

  async verify(token: string): Promise<{ readonly customerId: string } | undefined> {
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (!isTokenError(error)) throw error;
      return this.rejected(`${(error as Error).name}: ${(error as Error).message}`);
    }
    if (!clientOf(claims).includes(this.options.audience)) return this.rejected('issued to another app client');
    if (claims['token_use'] !== 'id' && claims['token_use'] !== 'access')
      return this.rejected('not an ID or access token');
    if (typeof claims.sub !== 'string' || claims.sub.trim() === '') return this.rejected('no subject');
    return { customerId: claims.sub };
  }

  private rejected(reason: string): undefined {
    this.options.onRejected?.(reason);
    return undefined;
  }
}
