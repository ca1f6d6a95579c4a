import { generateKeyPair, SignJWT } from 'jose';
import { createLocalIssuer, type LocalIssuer } from './local-issuer';
import { verifyJwt, type VerifyJwtOptions } from './verify-jwt';

const issuerUrl = 'http://127.0.0.1:4566/_local';
let issuer: LocalIssuer;
let options: VerifyJwtOptions;
let kid: string;

beforeAll(async () => {
  issuer = await createLocalIssuer({ issuerUrl, clientId: 'orders-web' });
  options = { issuer: issuerUrl, audience: ['orders-web'], jwks: issuer.jwks };
  kid = issuer.jwks.keys[0]?.kid ?? '';
});

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string): [string, string, string] => token.split('.') as [string, string, string];
const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(parts(token)[1], 'base64url').toString()) as Record<string, unknown>;

/** A token signed by a key the issuer does not publish. */
async function signedByAnotherKey(claims: Record<string, unknown>, headerKid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: headerKid }).sign(privateKey);
}

describe('verifyJwt', () => {
  it('accepts a token of the issuer and answers its claims', async () => {
    const token = await issuer.mintToken({ sub: 'user-1', groups: ['admin'] });
    expect(await verifyJwt(token, options)).toEqual({
      ok: true,
      claims: expect.objectContaining({ sub: 'user-1', 'cognito:groups': ['admin'] }),
    });
  });

  it('rejects a forged signature', async () => {
    const [header, payload, signature] = parts(await issuer.mintToken({ sub: 'user-1' }));
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await verifyJwt(forged, options)).toMatchObject({ ok: false, reason: 'invalid-signature', statusCode: 401 });
  });

  it('rejects a tampered claim (groups raised to admin under the original signature)', async () => {
    const token = await issuer.mintToken({ sub: 'user-1', groups: ['reader'] });
    const [header, , signature] = parts(token);
    const tampered = `${header}.${base64url({ ...claimsOf(token), 'cognito:groups': ['admin'] })}.${signature}`;
    expect(await verifyJwt(tampered, options)).toMatchObject({ ok: false, reason: 'invalid-signature' });
  });

  it('rejects an expired token, and one not valid yet (nbf or iat in the future)', async () => {
    const expired = await issuer.mintToken({ sub: 'u', expiresInSeconds: -1 });
    expect(await verifyJwt(expired, options)).toMatchObject({ ok: false, reason: 'expired', statusCode: 401 });
    const notBefore = await issuer.mintToken({ sub: 'u', extraClaims: { nbf: Math.floor(Date.now() / 1000) + 600 } });
    expect(await verifyJwt(notBefore, options)).toMatchObject({ ok: false, reason: 'not-yet-valid' });
    const fromTheFuture = await issuer.mintToken({ sub: 'u' });
    const anHourAgo = new Date(Date.now() - 3_600_000 + 60_000);
    expect(await verifyJwt(fromTheFuture, { ...options, now: anHourAgo })).toMatchObject({
      ok: false,
      reason: 'not-yet-valid',
    });
  });

  it('applies a clock tolerance when asked', async () => {
    const expired = await issuer.mintToken({ sub: 'u', expiresInSeconds: -5 });
    expect(await verifyJwt(expired, { ...options, clockToleranceSeconds: 30 })).toMatchObject({ ok: true });
  });

  it('rejects another issuer', async () => {
    const token = await issuer.mintToken({ sub: 'u' });
    expect(
      await verifyJwt(token, { ...options, issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x' }),
    ).toMatchObject({
      ok: false,
      reason: 'wrong-issuer',
    });
  });

  it('checks aud, or client_id when there is no aud, against the audiences (API Gateway’s rule)', async () => {
    const idToken = await issuer.mintToken({ sub: 'u', audience: 'someone-else' });
    expect(await verifyJwt(idToken, options)).toMatchObject({ ok: false, reason: 'wrong-audience', statusCode: 401 });
    const accessToken = await issuer.mintToken({ sub: 'u', scopes: ['orders/read'] });
    expect(await verifyJwt(accessToken, options)).toMatchObject({ ok: true });
    const both = await issuer.mintToken({ sub: 'u', tokenUse: 'access', extraClaims: { aud: 'someone-else' } });
    expect(claimsOf(both)).toMatchObject({ aud: 'someone-else', client_id: 'orders-web' });
    expect(await verifyJwt(both, options)).toMatchObject({ ok: false, reason: 'wrong-audience' });
  });

  it('rejects alg "none"', async () => {
    const token = await issuer.mintToken({ sub: 'u' });
    const unsigned = `${base64url({ alg: 'none', kid })}.${parts(token)[1]}.`;
    expect(await verifyJwt(unsigned, options)).toMatchObject({ ok: false, reason: 'unsupported-algorithm' });
  });

  it('rejects HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const publicJwk = issuer.jwks.keys[0];
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const token = await new SignJWT(claimsOf(await issuer.mintToken({ sub: 'u' })))
      .setProtectedHeader({ alg: 'HS256', kid })
      .sign(secret);
    expect(await verifyJwt(token, options)).toMatchObject({ ok: false, reason: 'unsupported-algorithm' });
  });

  it('rejects a token signed by another key, whether its kid is unknown or borrowed', async () => {
    const claims = claimsOf(await issuer.mintToken({ sub: 'u' }));
    expect(await verifyJwt(await signedByAnotherKey(claims, 'attacker-key'), options)).toMatchObject({
      ok: false,
      reason: 'unknown-key',
    });
    expect(await verifyJwt(await signedByAnotherKey(claims, kid), options)).toMatchObject({
      ok: false,
      reason: 'invalid-signature',
    });
  });

  it('rejects a token of another local issuer with the same URL and client (a restarted one)', async () => {
    const other = await createLocalIssuer({ issuerUrl, clientId: 'orders-web' });
    expect(await verifyJwt(await other.mintToken({ sub: 'u' }), options)).toMatchObject({
      ok: false,
      reason: 'unknown-key',
    });
  });

  it('requires at least one of the route scopes, answering 403 otherwise', async () => {
    const token = await issuer.mintToken({ sub: 'u', scopes: ['orders/read'] });
    expect(await verifyJwt(token, { ...options, requiredScopes: ['orders/write', 'orders/read'] })).toMatchObject({
      ok: true,
    });
    expect(await verifyJwt(token, { ...options, requiredScopes: ['orders/write'] })).toMatchObject({
      ok: false,
      reason: 'insufficient-scope',
      statusCode: 403,
    });
  });

  it('enforces the token use a Cognito authorizer requires', async () => {
    const idToken = await issuer.mintToken({ sub: 'u' });
    expect(await verifyJwt(idToken, { ...options, tokenUse: 'id' })).toMatchObject({ ok: true });
    expect(await verifyJwt(idToken, { ...options, tokenUse: 'access' })).toMatchObject({
      ok: false,
      reason: 'wrong-token-use',
    });
  });

  it.each([['not a token'], ['a.b.c'], ['']])('rejects %p as malformed', async (token) => {
    expect(await verifyJwt(token, options)).toMatchObject({ ok: false, reason: 'malformed', statusCode: 401 });
  });
});
