/** Why a token was refused; the gateway answers 401 `{"message":"Unauthorized"}`, or 403 for a missing scope. */
export type JwtFailureReason =
  | 'malformed'
  | 'unsupported-algorithm'
  | 'unknown-key'
  | 'invalid-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'wrong-token-use'
  | 'insufficient-scope';

export interface JwtFailure {
  readonly ok: false;
  readonly reason: JwtFailureReason;
  readonly statusCode: 401 | 403;
  /** Like the `error_description` of API Gateway's `www-authenticate` header; for logs, not for the client. */
  readonly description: string;
}

const DESCRIPTIONS: Readonly<Record<JwtFailureReason, string>> = {
  malformed: 'the token is not a well-formed JWT',
  'unsupported-algorithm': 'the token is not signed with an RSA algorithm the authorizer accepts',
  'unknown-key': "the token's kid does not match a key of the issuer",
  'invalid-signature': 'the token signature is invalid',
  expired: 'the token has expired',
  'not-yet-valid': 'the token is not valid yet',
  'wrong-issuer': 'the token does not have a valid issuer',
  'wrong-audience': 'the token does not have a valid audience',
  'wrong-token-use': 'the token is not of the type the authorizer requires',
  'insufficient-scope': 'the token does not have a scope the route requires',
};

export function jwtFailure(reason: JwtFailureReason, detail?: string): JwtFailure {
  const description = detail ? `${DESCRIPTIONS[reason]}: ${detail}` : DESCRIPTIONS[reason];
  return { ok: false, reason, statusCode: reason === 'insufficient-scope' ? 403 : 401, description };
}

/** Maps jose's error codes to the reasons above. */
export function reasonForJoseError(code: string | undefined, claim: string | undefined): JwtFailureReason {
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'iss') return 'wrong-issuer';
      if (claim === 'aud') return 'wrong-audience';
      if (claim === 'nbf' || claim === 'iat') return 'not-yet-valid';
      return 'malformed';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'invalid-signature';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'unknown-key';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'unsupported-algorithm';
    default:
      return 'malformed';
  }
}
