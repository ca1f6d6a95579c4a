import { exportJWK, SignJWT, type JSONWebKeySet } from 'jose';
import { cognitoClaims, type MintTokenOptions } from './cognito-claims';
import { InvalidTokenRequestError } from './errors';
import { issuerSigningKey } from './issuer-signing-key';
import { jsonResponse, type LocalHttpRequest, type LocalHttpResponse } from './local-http';
import { createTokenRequestHandler } from './token-request.handler';

export interface LocalIssuerOptions {
  /** Base of the issuer's routes and its `iss`, for example `http://127.0.0.1:4566/_local`. */
  readonly issuerUrl: string;
  /** App client id written to `aud` / `client_id` unless a token asks for another. Default `harbor-local-client`. */
  readonly clientId?: string;
  /** Clock of `iat`/`exp` (tests). Default: now. */
  readonly now?: () => Date;
  /** Where to keep the signing key across restarts (created the first time). Default: a new key each start. */
  readonly keyFile?: string;
}

/** The OpenID discovery document, limited to what an API Gateway JWT authorizer reads. */
export interface OpenIdConfiguration {
  readonly issuer: string;
  readonly jwks_uri: string;
  readonly token_endpoint: string;
  readonly response_types_supported: readonly string[];
  readonly subject_types_supported: readonly string[];
  readonly id_token_signing_alg_values_supported: readonly string[];
}

export interface LocalIssuer {
  readonly issuerUrl: string;
  readonly clientId: string;
  /** Public keys only, as served at `<issuerUrl>/.well-known/jwks.json`. */
  readonly jwks: JSONWebKeySet;
  readonly openIdConfiguration: OpenIdConfiguration;
  /** A token shaped like a Cognito user pool token, signed RS256 with this issuer's key. */
  mintToken(options: MintTokenOptions): Promise<string>;
  /**
   * Answers `GET <base>/.well-known/openid-configuration`, `GET <base>/.well-known/jwks.json` and
   * `POST <base>/token`, where `<base>` is the issuer URL's path; undefined for any other path.
   */
  handle(request: LocalHttpRequest): Promise<LocalHttpResponse | undefined>;
}

function assertMintable(options: MintTokenOptions): void {
  if (typeof options.sub !== 'string' || options.sub.length === 0)
    throw new InvalidTokenRequestError('sub must be a non-empty string');
  if (options.expiresInSeconds !== undefined && !Number.isInteger(options.expiresInSeconds)) {
    throw new InvalidTokenRequestError('expiresInSeconds must be an integer');
  }
}

/** A local OpenID provider standing in for a Cognito user pool: a fresh RS256 key pair each start. */
export async function createLocalIssuer(options: LocalIssuerOptions): Promise<LocalIssuer> {
  const issuerUrl = options.issuerUrl.replace(/\/+$/, '');
  const base = new URL(issuerUrl).pathname.replace(/\/+$/, '');
  const clientId = options.clientId ?? 'harbor-local-client';
  const now = options.now ?? (() => new Date());
  const { kid, privateKey, publicKey } = issuerSigningKey(options.keyFile);
  const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const openIdConfiguration: OpenIdConfiguration = {
    issuer: issuerUrl,
    jwks_uri: `${issuerUrl}/.well-known/jwks.json`,
    token_endpoint: `${issuerUrl}/token`,
    response_types_supported: ['token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };

  async function mintToken(mint: MintTokenOptions): Promise<string> {
    assertMintable(mint);
    const claims = cognitoClaims(mint, { issuer: issuerUrl, clientId, now: now() });
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
  }

  const tokenHandler = createTokenRequestHandler(mintToken);
  const routes: Record<string, (request: LocalHttpRequest) => Promise<LocalHttpResponse>> = {
    [`${base}/.well-known/openid-configuration`]: async () => jsonResponse(200, openIdConfiguration),
    [`${base}/.well-known/jwks.json`]: async () => jsonResponse(200, jwks),
    [`${base}/token`]: tokenHandler,
  };

  return {
    issuerUrl,
    clientId,
    jwks,
    openIdConfiguration,
    mintToken,
    handle: async (request) => {
      const route = routes[request.path];
      if (!route) return undefined;
      const expected = request.path.endsWith('/token') ? 'POST' : 'GET';
      if (request.method.toUpperCase() !== expected)
        return jsonResponse(405, { message: `Use ${expected} for ${request.path}` });
      return route(request);
    },
  };
}
