import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { startFakeEndpoint } from '../../test/fake-endpoint';
import { JoseTokenVerifier } from './jose.token-verifier';

const AUDIENCE = 'local-client';
let issuerKeys: Awaited<ReturnType<typeof generateKeyPair>>;
let strangerKeys: Awaited<ReturnType<typeof generateKeyPair>>;
let jwks: Awaited<ReturnType<typeof startFakeEndpoint>>;
let issuer: string;

beforeAll(async () => {
  issuerKeys = await generateKeyPair('RS256');
  strangerKeys = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(issuerKeys.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  // The issuer's JWKS served over real HTTP, where Cognito serves it.
  jwks = await startFakeEndpoint((request) =>
    request.path === '/pool/.well-known/jwks.json'
      ? { status: 200, body: JSON.stringify({ keys: [publicJwk] }) }
      : { status: 404 },
  );
  issuer = `${jwks.url}/pool`;
});
afterAll(() => jwks.close());

async function token(
  claims: JWTPayload,
  options: { keys?: typeof issuerKeys; expiresIn?: string; issuer?: string } = {},
): Promise<string> {
  return new SignJWT({ token_use: 'id', aud: AUDIENCE, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
    .setIssuer(options.issuer ?? issuer)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign((options.keys ?? issuerKeys).privateKey);
}

describe('JoseTokenVerifier', () => {
  const verifier = () => new JoseTokenVerifier({ issuer, audience: AUDIENCE });

  it('names the customer of a valid ID token by its sub', async () => {
    expect(await verifier().verify(await token({ sub: 'alice' }))).toEqual({ customerId: 'alice' });
  });

  it('takes an access token issued to the app client (client_id, no aud)', async () => {
    expect(
      await verifier().verify(await token({ sub: 'bob', aud: undefined, token_use: 'access', client_id: AUDIENCE })),
    ).toEqual({ customerId: 'bob' });
  });

  it.each([
    ['signed by another key', () => token({ sub: 'alice' }, { keys: strangerKeys }), 'signature'],
    ['expired', () => token({ sub: 'alice' }, { expiresIn: '-1s' }), 'exp'],
    ['from another issuer', () => token({ sub: 'alice' }, { issuer: 'https://elsewhere.example/pool' }), 'iss'],
    ['for another app client', () => token({ sub: 'alice', aud: 'other-client' }), 'app client'],
    ['of another use', () => token({ sub: 'alice', token_use: 'refresh' }), 'ID or access'],
    ['without a subject', () => token({}), 'sub'],
    ['not a JWT at all', async () => 'not-a-token', 'Invalid'],
  ])('refuses a token %s, saying why', async (_, make, reason) => {
    const reasons: string[] = [];
    const refusing = new JoseTokenVerifier({ issuer, audience: AUDIENCE, onRejected: (why) => reasons.push(why) });

    expect(await refusing.verify(await make())).toBeUndefined();
    expect(reasons.join(' ')).toContain(reason);
  });

  it('throws when the key set cannot be fetched, rather than calling the token invalid', async () => {
    const unreachable = new JoseTokenVerifier({ issuer: `${jwks.url}/missing-pool`, audience: AUDIENCE });
    await expect(
      unreachable.verify(await token({ sub: 'alice' }, { issuer: `${jwks.url}/missing-pool` })),
    ).rejects.toThrow('200');
  });

  it('needs an issuer and an audience', () => {
    expect(() => new JoseTokenVerifier({ issuer: '', audience: AUDIENCE })).toThrow('issuer');
  });
});
