import { createLambdaRuntime, type LambdaRuntime } from '@harbor/local-cloud-lambda';
import { join } from 'node:path';
import { createHttpApi } from './create-http-api';
import { httpApiListener } from './http-api-listener';
import { listen, type RunningServer } from '../../test/http/support/http-server';

describe('HTTP API in front of the real Lambda runtime', () => {
  let runtime: LambdaRuntime;
  let server: RunningServer;

  beforeAll(async () => {
    runtime = createLambdaRuntime({
      functions: [
        {
          id: 'greeter.greet',
          name: 'harbor-test-greeter-greet',
          handlerFile: join(__dirname, '../../test/http/fixtures/greet.handler.ts'),
          timeoutSeconds: 1,
          memoryMb: 128,
          environment: {},
        },
      ],
      hotReload: false,
      log: () => undefined,
    });
    const api = createHttpApi({
      name: 'harbor-test-greeter-http',
      openapi: {
        openapi: '3.0.1',
        paths: {
          '/greet/{name}': {
            get: {
              'x-amazon-apigateway-integration': {
                type: 'aws_proxy',
                uri: '${lambda_invoke_arns.greet}',
                payloadFormatVersion: '2.0',
              },
            },
          },
        },
      },
      sourceFile: 'apps/greeter/api/http-api.yaml',
      resolve: (expression) => (expression === 'lambda_invoke_arns.greet' ? 'greeter.greet' : undefined),
      invoker: runtime,
    });
    server = await listen(httpApiListener(api));
  }, 30_000);

  afterAll(async () => {
    await server.close();
    await runtime.close();
  });

  it('invokes the handler from source with the 2.0 event and writes its response', async () => {
    const response = await fetch(`${server.base}/greet/Ada`);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual(['greeted=yes']);
    expect(await response.json()).toEqual({
      hello: 'Ada',
      routeKey: 'GET /greet/{name}',
      functionName: 'harbor-test-greeter-greet',
    });
  }, 30_000);

  it('answers 500 when the function times out before the integration does', async () => {
    const response = await fetch(`${server.base}/greet/Ada?wait=1500`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  }, 30_000);
});
