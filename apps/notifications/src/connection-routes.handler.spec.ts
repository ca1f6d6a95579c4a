import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freshNotificationsTables, type NotificationsTables } from '../test/fresh-notifications-tables';
import { connectAuthorizerEvent, deliver, webSocketEvent } from '../test/lambda-events';
import { handler as authorize } from './authorize-connection.handler';
import { handler as closeConnection } from './close-connection.handler';
import { handler as openConnection } from './open-connection.handler';

const AUDIENCE = 'harbor-test-client';
let tables: NotificationsTables;
let jwks: Server;
let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let issuer: string;

beforeAll(async () => {
  tables = await freshNotificationsTables();
  keys = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  // The user pool's JWKS over real HTTP, where the authorizer fetches it.
  jwks = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/pool`;
  process.env.TOKEN_ISSUER_URL = issuer;
  process.env.TOKEN_AUDIENCE = AUDIENCE;
});
afterAll(async () => {
  tables.close();
  jwks.closeAllConnections();
  await new Promise((resolve) => jwks.close(resolve));
});

const idToken = (sub: string, audience = AUDIENCE) =>
  new SignJWT({ token_use: 'id', aud: audience, sub })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(keys.privateKey);

describe('authorizeConnection ($connect REQUEST authorizer)', () => {
  it('allows a valid token and names its subject as the customer', async () => {
    const result = await deliver(authorize, connectAuthorizerEvent(await idToken('alice')));
    expect(result).toEqual({
      principalId: 'alice',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            Resource: 'arn:aws:execute-api:eu-west-1:123456789012:abc123/v1/$connect',
          },
        ],
      },
      context: { customerId: 'alice' },
    });
  });

  it.each([
    ['no token', async () => undefined],
    ['an empty token', async () => ''],
    ['a token for another app client', () => idToken('alice', 'another-client')],
    ['a forged token', async () => `${(await idToken('alice')).slice(0, -4)}AAAA`],
  ])('answers Unauthorized (401) to %s', async (_, token) => {
    await expect(deliver(authorize, connectAuthorizerEvent(await token()))).rejects.toThrow('Unauthorized');
  });
});

describe('openConnection ($connect) and closeConnection ($disconnect)', () => {
  it('stores the connection under the authorizer’s customer with a TTL, and forgets it on disconnect', async () => {
    expect(await deliver(openConnection, webSocketEvent('$connect', 'conn-A=', { customerId: 'alice' }))).toEqual({
      statusCode: 200,
    });

    const [stored] = (await tables.items()).filter((item) => item['connectionId'] === 'conn-A=');
    expect(stored).toMatchObject({ customerId: 'alice', gsi1pk: 'CUSTOMER#alice' });
    expect(Number(stored!['expiresAt'])).toBeCloseTo(Date.now() / 1000 + 7200, -2);

    expect(await deliver(closeConnection, webSocketEvent('$disconnect', 'conn-A=', { customerId: 'alice' }))).toEqual({
      statusCode: 200,
    });
    expect((await tables.items()).filter((item) => item['connectionId'] === 'conn-A=')).toEqual([]);
  });

  it('refuses (403) a $connect the authorizer did not name a customer for, storing nothing', async () => {
    const before = await tables.snapshot();
    expect(await deliver(openConnection, webSocketEvent('$connect', 'conn-B='))).toEqual({ statusCode: 403 });
    expect(await tables.snapshot()).toEqual(before);
  });

  it('refuses (400) an invalid connection, storing nothing', async () => {
    const before = await tables.snapshot();
    expect(await deliver(openConnection, webSocketEvent('$connect', 'x'.repeat(200), { customerId: 'alice' }))).toEqual(
      { statusCode: 400 },
    );
    expect(await tables.snapshot()).toEqual(before);
  });

  it('answers 200 to a $disconnect of a connection already gone', async () => {
    expect(await deliver(closeConnection, webSocketEvent('$disconnect', 'never-stored'))).toEqual({ statusCode: 200 });
  });
});
