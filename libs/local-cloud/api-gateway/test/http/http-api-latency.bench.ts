/**
 * Side by side in one run: a bare node:http server answering `{"ok":true}`, and an HTTP API route invoking a
 * handler answering the same through the real Lambda runtime. autocannon, 50 connections, 5 s each.
 * Run: npx jest -c libs/local-cloud/http-api/jest.config.cjs --testMatch '**\/*.bench.ts'
 */
import { createLambdaRuntime } from '@harbor/local-cloud-lambda';
import { join } from 'node:path';
import { createHttpApi } from '../../src/http/create-http-api';
import { httpApiListener } from '../../src/http/http-api-listener';
import { listen } from './support/http-server';

interface AutocannonResult {
  readonly requests: { readonly average: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
}
// autocannon ships no types; only the promise form is used here.
const autocannon = require('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

jest.setTimeout(120_000);

it('measures an HTTP API Lambda route against a bare node:http server', async () => {
  const bare = await listen((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  });
  const runtime = createLambdaRuntime({
    functions: [
      {
        id: 'bench.hello',
        name: 'harbor-bench-hello',
        handlerFile: join(__dirname, 'fixtures', 'hello.handler.ts'),
        timeoutSeconds: 3,
        memoryMb: 256,
        environment: {},
      },
    ],
    hotReload: false,
    log: () => undefined,
  });
  const api = createHttpApi({
    name: 'bench',
    openapi: {
      openapi: '3.0.1',
      paths: {
        '/hello': {
          get: {
            'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: 'bench.hello', payloadFormatVersion: '2.0' },
          },
        },
      },
    },
    sourceFile: 'bench.yaml',
    resolve: () => undefined,
    invoker: runtime,
  });
  const gateway = await listen(httpApiListener(api));
  try {
    await fetch(`${gateway.base}/hello`); // cold start outside the measurement
    const figures: Record<string, string> = {};
    for (const [name, url] of [
      ['bare node:http', `${bare.base}/`],
      ['HTTP API -> Lambda', `${gateway.base}/hello`],
    ] as const) {
      await autocannon({ url, connections: 50, duration: 1 }); // warm-up
      const result = await autocannon({ url, connections: 50, duration: 5 });
      expect(result.non2xx + result.errors).toBe(0);
      figures[name] =
        `${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`;
    }
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await gateway.close();
    await bare.close();
    await runtime.close();
  }
});
