import { GatewayDefinitionError } from '../core';
import { httpApiListener } from './http-api-listener';
import { loadFixture } from '../../test/http/support/fixtures';
import { listen, type RunningServer } from '../../test/http/support/http-server';
import { createPetsApi, type PetsApi } from '../../test/http/support/pets-api';

// CORS on an HTTP API, as https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html describes it:
// "API Gateway automatically sends a response to preflight OPTIONS requests, even if there isn't an OPTIONS route
// configured", "adds the configured CORS headers to the response from an integration" and "ignores CORS headers
// returned from your backend integration".
const APP = 'https://shop.example.com';
const withCors = (cors: Record<string, unknown>) => ({
  ...loadFixture('pets-http-api.yaml'),
  'x-amazon-apigateway-cors': cors,
});
const CORS = {
  allowOrigins: [APP],
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['Authorization', 'Content-Type'],
  exposeHeaders: ['X-Pet'],
  maxAge: 300,
  allowCredentials: true,
};

describe('an HTTP API with x-amazon-apigateway-cors', () => {
  let pets: PetsApi;
  let server: RunningServer;

  beforeAll(async () => {
    pets = await createPetsApi({ openapi: withCors(CORS) });
    server = await listen(httpApiListener(pets.api));
  });
  afterAll(() => server.close());

  const preflight = (path: string, origin = APP) =>
    fetch(`${server.base}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });

  it('answers a preflight itself, with the configured headers, before routing or any authorizer', async () => {
    // /me needs a JWT and has no OPTIONS route; /{proxy+} is ANY: neither function runs for the preflight.
    for (const path of ['/me', '/pets']) {
      const response = await preflight(path);
      expect(response.status).toBe(204);
      expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
        'access-control-allow-origin': APP,
        'access-control-allow-methods': 'GET,POST',
        'access-control-allow-headers': 'authorization,content-type',
        'access-control-max-age': '300',
        'access-control-allow-credentials': 'true',
      });
    }
    expect(
      pets.invoker.calls.filter((call) => call.functionId === 'pets.me' || call.functionId === 'pets.anyProxy'),
    ).toEqual([]);
  });

  it('gives a preflight from an origin it does not allow no CORS headers, so the browser refuses', async () => {
    const response = await preflight('/pets', 'https://evil.example.net');
    expect(response.status).toBe(204);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it("adds the configured headers to the integration's answer to a CORS request, replacing the integration's own", async () => {
    const response = await fetch(`${server.base}/x/own-cors`, { headers: { origin: APP } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-expose-headers')).toBe('x-pet');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('x-pet')).toBe('rex');
  });

  it("adds nothing to a request without Origin, nor for an origin it does not allow (and drops the integration's)", async () => {
    for (const headers of [{}, { origin: 'https://evil.example.net' }] as Record<string, string>[]) {
      const response = await fetch(`${server.base}/x/own-cors`, { headers });
      expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('an HTTP API allowing every origin', () => {
  it('answers Access-Control-Allow-Origin: *', async () => {
    const pets = await createPetsApi({ openapi: withCors({ allowOrigins: ['*'], allowMethods: ['*'] }) });
    const server = await listen(httpApiListener(pets.api));
    try {
      const response = await fetch(`${server.base}/pets`, { headers: { origin: 'http://localhost:5173' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const preflight = await fetch(`${server.base}/pets`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'DELETE' },
      });
      expect(preflight.headers.get('access-control-allow-methods')).toBe('*');
    } finally {
      await server.close();
    }
  });
});

describe('x-amazon-apigateway-cors start-up checks', () => {
  it.each([
    ['credentials with every origin', { allowOrigins: ['*'], allowCredentials: true }, 'allowCredentials'],
    ['a setting API Gateway does not have', { allowOrigins: [APP], allowOrigin: APP }, 'allowOrigin'],
    ['an origin without a scheme', { allowOrigins: ['shop.example.com'] }, 'allowOrigins'],
    ['a wildcard origin', { allowOrigins: ['https://*.example.com'] }, 'https://*.example.com'],
    ['a method HTTP APIs do not route', { allowOrigins: [APP], allowMethods: ['FETCH'] }, 'allowMethods'],
    ['a max age above a day', { allowOrigins: [APP], maxAge: 86_401 }, 'maxAge'],
  ])('refuses %s, naming the file and the setting', async (_case, cors, fragment) => {
    const error = await createPetsApi({ openapi: withCors(cors) }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(GatewayDefinitionError);
    expect((error as Error).message).toContain('pets-http-api.yaml');
    expect((error as Error).message).toContain(fragment);
  });
});
