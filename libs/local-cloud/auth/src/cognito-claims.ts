import { randomUUID } from 'node:crypto';

export type TokenUse = 'id' | 'access';

export interface MintTokenOptions {
  readonly sub: string;
  /** Written to `cognito:groups` (left out when empty, as Cognito does). */
  readonly groups?: readonly string[];
  /** Written to `scope`, space separated. Scopes make the token an access token unless `tokenUse` says otherwise. */
  readonly scopes?: readonly string[];
  /** The app client id: `aud` of an ID token, `client_id` of an access token. Default: the issuer's client id. */
  readonly audience?: string;
  /** Negative values mint an already expired token (for tests). Default 3600. */
  readonly expiresInSeconds?: number;
  readonly tokenUse?: TokenUse;
  /** Default: `sub`. */
  readonly username?: string;
  readonly email?: string;
  /** More claims (`custom:tenant`...); they never replace the standard ones above. */
  readonly extraClaims?: Readonly<Record<string, unknown>>;
}

export interface ClaimsContext {
  readonly issuer: string;
  readonly clientId: string;
  readonly now: Date;
}

const DEFAULT_LIFETIME_SECONDS = 3600;
const COGNITO_DEFAULT_SCOPE = 'aws.cognito.signin.user.admin';

/** ID tokens when no scope is asked for (what a Cognito authorizer without scopes requires), else access tokens. */
export const tokenUseOf = (options: MintTokenOptions): TokenUse =>
  options.tokenUse ?? ((options.scopes?.length ?? 0) > 0 ? 'access' : 'id');

/** The claims of a Cognito user pool token, ID or access, as Cognito writes them. */
export function cognitoClaims(options: MintTokenOptions, context: ClaimsContext): Record<string, unknown> {
  const issuedAt = Math.floor(context.now.getTime() / 1000);
  const username = options.username ?? options.sub;
  const groups = options.groups?.length ? { 'cognito:groups': [...options.groups] } : {};
  const common = {
    sub: options.sub,
    ...groups,
    iss: context.issuer,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    auth_time: issuedAt,
    iat: issuedAt,
    exp: issuedAt + (options.expiresInSeconds ?? DEFAULT_LIFETIME_SECONDS),
    jti: randomUUID(),
  };
  const audience = options.audience ?? context.clientId;
  const specific =
    tokenUseOf(options) === 'id'
      ? {
          aud: audience,
          token_use: 'id',
          'cognito:username': username,
          ...(options.email ? { email: options.email, email_verified: true } : {}),
        }
      : {
          client_id: audience,
          token_use: 'access',
          scope: options.scopes?.length ? options.scopes.join(' ') : COGNITO_DEFAULT_SCOPE,
          username,
        };
  return { ...options.extraClaims, ...common, ...specific };
}
