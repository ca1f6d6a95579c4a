import { decodeJwt } from 'jose';
import { createLocalIssuer, type LocalIssuer } from './local-issuer';
import { verifyJwt } from './verify-jwt';

let issuer: LocalIssuer;
beforeAll(async () => {
  issuer = await createLocalIssuer({ issuerUrl: 'http://127.0.0.1:4566/_local' });
});

const post = (body: string | undefined) => issuer.handle({ method: 'POST', path: '/_local/token', body });

describe('POST /_local/token', () => {
  it('answers {"token"} with a verifiable Cognito-shaped token for {"sub","groups"}', async () => {
    const response = await post(JSON.stringify({ sub: 'user-1', groups: ['admin'] }));
    expect(response).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json' } });
    const { token } = JSON.parse(response?.body ?? '{}') as { token: string };
    expect(decodeJwt(token)).toMatchObject({ sub: 'user-1', 'cognito:groups': ['admin'], token_use: 'id' });
    expect(
      await verifyJwt(token, { issuer: issuer.issuerUrl, audience: issuer.clientId, jwks: issuer.jwks }),
    ).toMatchObject({ ok: true });
  });

  it('passes scopes, audience, lifetime and custom claims through', async () => {
    const body = {
      sub: 'svc',
      scopes: ['orders/read'],
      audience: 'partner',
      expiresInSeconds: 120,
      claims: { 'custom:tenant': 't1' },
    };
    const { token } = JSON.parse((await post(JSON.stringify(body)))?.body ?? '{}') as { token: string };
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      client_id: 'partner',
      scope: 'orders/read',
      'custom:tenant': 't1',
      token_use: 'access',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120);
  });

  it.each([
    ['no body', undefined, /must be a JSON object/],
    ['a body that is not JSON', '{sub:', /must be a JSON object/],
    ['no sub', JSON.stringify({ groups: ['admin'] }), /^sub: /],
    ['an empty sub', JSON.stringify({ sub: '' }), /^sub: /],
    ['groups that are not a list of strings', JSON.stringify({ sub: 'u', groups: 'admin' }), /^groups: /],
    ['a scope with a space', JSON.stringify({ sub: 'u', scopes: ['a b'] }), /scopes\.0: a scope has no spaces/],
    ['a lifetime beyond one day', JSON.stringify({ sub: 'u', expiresInSeconds: 86_401 }), /^expiresInSeconds: /],
    ['an unknown field', JSON.stringify({ sub: 'u', role: 'admin' }), /role/],
  ])('answers 400 naming the problem for %s', async (_case, body, message) => {
    const response = await post(body);
    expect(response?.statusCode).toBe(400);
    expect((JSON.parse(response?.body ?? '{}') as { message: string }).message).toMatch(message);
  });
});
