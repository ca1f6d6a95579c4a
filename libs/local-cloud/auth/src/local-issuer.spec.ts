import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalIssuer, type LocalIssuer } from './local-issuer';

const issuerUrl = 'http://127.0.0.1:4566/_local';
const now = new Date('2026-05-01T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
let issuer: LocalIssuer;

beforeAll(async () => {
  issuer = await createLocalIssuer({ issuerUrl, clientId: 'orders-web', now: () => now });
});

describe('createLocalIssuer', () => {
  it('serves its OpenID configuration and a JWKS holding only its public RS256 key', async () => {
    const configuration = await issuer.handle({ method: 'GET', path: '/_local/.well-known/openid-configuration' });
    expect(configuration?.statusCode).toBe(200);
    expect(JSON.parse(configuration?.body ?? '')).toMatchObject({
      issuer: issuerUrl,
      jwks_uri: `${issuerUrl}/.well-known/jwks.json`,
      token_endpoint: `${issuerUrl}/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const jwks = JSON.parse(
      (await issuer.handle({ method: 'GET', path: '/_local/.well-known/jwks.json' }))?.body ?? '',
    );
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), e: 'AQAB' });
    expect(Object.keys(jwks.keys[0])).not.toEqual(expect.arrayContaining(['d']));
  });

  it('mints an ID token shaped like Cognito’s when no scope is asked for', async () => {
    const token = await issuer.mintToken({ sub: 'user-1', groups: ['admin', 'ops'], email: 'ada@example.com' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: issuer.jwks.keys[0]?.kid });
    expect(decodeJwt(token)).toEqual({
      sub: 'user-1',
      'cognito:groups': ['admin', 'ops'],
      'cognito:username': 'user-1',
      email: 'ada@example.com',
      email_verified: true,
      iss: issuerUrl,
      aud: 'orders-web',
      token_use: 'id',
      auth_time: nowSeconds,
      iat: nowSeconds,
      exp: nowSeconds + 3600,
      jti: expect.any(String),
      origin_jti: expect.any(String),
      event_id: expect.any(String),
    });
  });

  it('mints an access token (client_id, scope, username, no aud) when scopes are asked for', async () => {
    const claims = decodeJwt(
      await issuer.mintToken({ sub: 'user-2', scopes: ['orders/read', 'orders/write'], expiresInSeconds: 60 }),
    );
    expect(claims).toMatchObject({
      client_id: 'orders-web',
      token_use: 'access',
      scope: 'orders/read orders/write',
      username: 'user-2',
    });
    expect(claims.aud).toBeUndefined();
    expect(claims['cognito:groups']).toBeUndefined();
    expect(claims.exp).toBe(nowSeconds + 60);
  });

  it('adds extra claims without letting them replace the standard ones', async () => {
    const claims = decodeJwt(
      await issuer.mintToken({ sub: 'u', extraClaims: { 'custom:tenant': 't1', iss: 'https://evil.example' } }),
    );
    expect(claims).toMatchObject({ 'custom:tenant': 't1', iss: issuerUrl });
  });

  it('refuses to mint without a subject', async () => {
    await expect(issuer.mintToken({ sub: '' })).rejects.toThrow('sub must be a non-empty string');
  });

  it('answers only its own paths, each with its method', async () => {
    expect(await issuer.handle({ method: 'GET', path: '/_local/traces' })).toBeUndefined();
    expect(await issuer.handle({ method: 'GET', path: '/_local/token' })).toMatchObject({ statusCode: 405 });
    expect(await issuer.handle({ method: 'POST', path: '/_local/.well-known/jwks.json' })).toMatchObject({
      statusCode: 405,
    });
  });

  it('keeps its signing key in keyFile, so a token minted before a restart verifies after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harbor-issuer-'));
    try {
      const keyFile = join(dir, 'data', 'local-issuer-key.json');
      const before = await createLocalIssuer({ issuerUrl, keyFile });
      expect(existsSync(keyFile)).toBe(true);
      expect(statSync(keyFile).mode & 0o077).toBe(0); // a private key: readable by its owner only
      const token = await before.mintToken({ sub: 'alice' });

      const after = await createLocalIssuer({ issuerUrl, keyFile });
      expect(after.jwks).toEqual(before.jwks);
      const { payload } = await jwtVerify(token, createLocalJWKSet(after.jwks), { issuer: issuerUrl });
      expect(payload.sub).toBe('alice');

      const elsewhere = await createLocalIssuer({ issuerUrl });
      expect(elsewhere.jwks.keys[0]?.kid).not.toBe(before.jwks.keys[0]?.kid);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
