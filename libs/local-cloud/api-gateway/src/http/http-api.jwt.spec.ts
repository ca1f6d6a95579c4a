import { httpApiListener } from './http-api-listener';
import { listen, type RunningServer } from '../../test/http/support/http-server';
import { createPetsApi, type PetsApi } from '../../test/http/support/pets-api';

describe('HTTP API JWT authorizer (real RS256 tokens from the local issuer)', () => {
  let pets: PetsApi;
  let server: RunningServer;

  beforeAll(async () => {
    pets = await createPetsApi();
    server = await listen(httpApiListener(pets.api));
  });
  afterAll(() => server.close());

  const get = (path: string, token?: string) =>
    fetch(`${server.base}${path}`, token === undefined ? {} : { headers: { authorization: token } });

  it('answers 401 Unauthorized without a token, never calling the function', async () => {
    const before = pets.invoker.callsTo('pets.me').length;
    const response = await get('/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(pets.invoker.callsTo('pets.me')).toHaveLength(before);
  });

  it('passes a valid ID token, with or without Bearer, and hands the claims as strings', async () => {
    const token = await pets.issuer.mintToken({ sub: 'user-1', groups: ['admins', 'users'] });
    for (const header of [`Bearer ${token}`, token]) expect((await get('/me', header)).status).toBe(200);
    const context = pets.invoker.lastEvent('pets.me')['requestContext'] as Record<string, unknown>;
    expect(context['authorizer']).toEqual({
      jwt: {
        claims: expect.objectContaining({
          sub: 'user-1',
          aud: 'harbor-local-client',
          'cognito:groups': '[admins users]',
          exp: expect.stringMatching(/^\d+$/),
        }),
        scopes: null,
      },
    });
  });

  it.each([
    ['an expired token', () => pets.issuer.mintToken({ sub: 'u', expiresInSeconds: -60 }), 'the token has expired'],
    [
      'a token for another audience',
      () => pets.issuer.mintToken({ sub: 'u', audience: 'someone-else' }),
      'valid audience',
    ],
    [
      'a token with a forged signature',
      async () => `${(await pets.issuer.mintToken({ sub: 'u' })).slice(0, -4)}AAAA`,
      'signature',
    ],
    ['garbage', async () => 'not-a-jwt', 'well-formed'],
  ])('refuses %s with 401 and says why in www-authenticate', async (_case, mint, reason) => {
    const response = await get('/me', `Bearer ${await mint()}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(response.headers.get('www-authenticate')).toContain(reason);
  });

  it('answers 403 Forbidden when the token lacks the route scope, and passes it with the scope', async () => {
    const reader = await pets.issuer.mintToken({ sub: 'u', scopes: ['pets/read'] });
    const refused = await fetch(`${server.base}/pets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reader}` },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: 'Forbidden' });

    const writer = await pets.issuer.mintToken({ sub: 'u', scopes: ['pets/read', 'pets/write'] });
    const accepted = await fetch(`${server.base}/pets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${writer}`, 'x-correlation-id': 'jwt-ok' },
      body: '{}',
    });
    expect(accepted.status).toBe(200);
    const authorizer = (pets.invoker.lastEvent('pets.createPet')['requestContext'] as Record<string, unknown>)[
      'authorizer'
    ];
    expect(authorizer).toMatchObject({
      jwt: {
        scopes: ['pets/read', 'pets/write'],
        claims: { client_id: 'harbor-local-client', scope: 'pets/read pets/write' },
      },
    });
    expect(pets.trace.byCorrelationId('jwt-ok').map((hop) => hop.kind)).toEqual(['authorizer', 'http']);
  });
});
