import { httpApiListener } from './http-api-listener';
import { listen, type RunningServer } from '../../test/http/support/http-server';
import { createPetsApi, type PetsApi } from '../../test/http/support/pets-api';

describe('HTTP API over node:http: what API Gateway answers itself', () => {
  let pets: PetsApi;
  let server: RunningServer;

  beforeAll(async () => {
    pets = await createPetsApi();
    server = await listen(httpApiListener(pets.api));
  });
  afterAll(() => server.close());

  it('answers a function error with 500 Internal Server Error and traces it', async () => {
    const response = await fetch(`${server.base}/x/boom`, { headers: { 'x-correlation-id': 'boom-1' } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(pets.trace.byCorrelationId('boom-1')).toEqual([
      expect.objectContaining({
        kind: 'http',
        name: 'ANY /{proxy+}',
        status: 'error',
        detail: expect.objectContaining({ status: 500, failure: 'function-error', errorType: 'TypeError' }),
      }),
    ]);
  });

  it('answers a malformed response with 500', async () => {
    const response = await fetch(`${server.base}/x/malformed`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('answers 503 Service Unavailable when the integration timeout passes', async () => {
    const started = Date.now();
    const response = await fetch(`${server.base}/slow`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('records a served request as an ok http hop with its route key', async () => {
    await fetch(`${server.base}/pets`, { headers: { 'x-correlation-id': 'ok-1' } });
    const [hop] = pets.trace.byCorrelationId('ok-1');
    expect(hop).toMatchObject({
      kind: 'http',
      name: 'GET /pets',
      status: 'ok',
      detail: { api: 'harbor-test-pets-http', status: 200, functionId: 'pets.listPets' },
    });
  });
});

describe('HTTP API without a $default route, on a named stage', () => {
  let pets: PetsApi;
  let server: RunningServer;

  beforeAll(async () => {
    pets = await createPetsApi({ stage: 'v1' });
    server = await listen(httpApiListener(pets.api));
  });
  afterAll(() => server.close());

  it('serves routes under /<stage>, reporting the stage and the full raw path', async () => {
    const response = await fetch(`${server.base}/v1/pets/3`);
    expect(response.status).toBe(200);
    const event = pets.invoker.lastEvent('pets.getPet');
    expect(event).toMatchObject({
      routeKey: 'GET /pets/{petId}',
      rawPath: '/v1/pets/3',
      pathParameters: { petId: '3' },
      requestContext: { stage: 'v1' },
    });
  });

  it('answers 404 Not Found outside the stage', async () => {
    const response = await fetch(`${server.base}/pets/3`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
    expect(response.headers.get('apigw-requestid')).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  });
});

describe('HTTP API with neither a matching route nor $default', () => {
  it('answers 404 Not Found', async () => {
    const { api } = await createPetsApi({
      openapi: {
        openapi: '3.0.1',
        paths: {
          '/pets': {
            get: {
              'x-amazon-apigateway-integration': {
                type: 'aws_proxy',
                uri: '${lambda_invoke_arns.listPets}',
                payloadFormatVersion: '2.0',
              },
            },
          },
        },
      },
    });
    const server = await listen(httpApiListener(api));
    try {
      for (const [method, path] of [
        ['GET', '/nowhere'],
        ['POST', '/pets'],
      ]) {
        const response = await fetch(`${server.base}${path}`, { method });
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ message: 'Not Found' });
      }
    } finally {
      await server.close();
    }
  });
});
