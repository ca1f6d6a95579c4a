/**
 * Side by side in one run: an open HTTP API route, the same route behind a Lambda authorizer whose answer is cached
 * (one identity source, TTL 300 s), and behind one called on every request (TTL 0). Fake functions, so the figures
 * are the gateway's own cost. autocannon, 50 connections, three interleaved 3 s rounds each, `authorization` sent on every request.
 * Run: npx jest -c libs/local-cloud/api-gateway/jest.config.cjs --testMatch '**\/http-api-authorizer.bench.ts'
 */
import { FakeInvoker } from '@harbor/local-cloud-lambda/testing';
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
  headers: Record<string, string>;
}) => Promise<AutocannonResult>;

jest.setTimeout(120_000);

const integration = { type: 'aws_proxy', uri: 'bench.hello', payloadFormatVersion: '2.0' };
const authorizer = (ttl: number) => ({
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authorizer': {
    type: 'request',
    authorizerUri: 'bench.authorize',
    authorizerPayloadFormatVersion: '2.0',
    enableSimpleResponses: true,
    identitySource: '$request.header.Authorization',
    authorizerResultTtlInSeconds: ttl,
  },
});

it('measures routes behind a cached and an uncached Lambda authorizer against an open route', async () => {
  const invoker = new FakeInvoker()
    .on('bench.hello', () => ({ ok: true }))
    .on('bench.authorize', () => ({ isAuthorized: true, context: { user: 'bench' } }));
  const api = createHttpApi({
    name: 'bench',
    openapi: {
      openapi: '3.0.1',
      paths: {
        '/open': { get: { 'x-amazon-apigateway-integration': integration } },
        '/cached': { get: { security: [{ cached: [] }], 'x-amazon-apigateway-integration': integration } },
        '/uncached': { get: { security: [{ uncached: [] }], 'x-amazon-apigateway-integration': integration } },
      },
      components: { securitySchemes: { cached: authorizer(300), uncached: authorizer(0) } },
    },
    sourceFile: 'bench.yaml',
    resolve: () => undefined,
    invoker,
  });
  const gateway = await listen(httpApiListener(api));
  try {
    // Interleaved rounds, so a load spike on a shared machine hits every target alike; the median round is kept.
    const rounds: Record<string, AutocannonResult[]> = { open: [], cached: [], uncached: [] };
    for (let round = 0; round < 3; round += 1) {
      for (const name of Object.keys(rounds)) {
        const options = { url: `${gateway.base}/${name}`, connections: 50, headers: { authorization: 'token-1' } };
        if (round === 0) await autocannon({ ...options, duration: 1 }); // warm-up
        const result = await autocannon({ ...options, duration: 3 });
        expect(result.non2xx + result.errors).toBe(0);
        invoker.calls.length = 0; // the fake keeps every call; keep memory flat between runs
        rounds[name].push(result);
      }
    }
    const median = (results: AutocannonResult[]) =>
      [...results].sort((a, b) => a.requests.average - b.requests.average)[1];
    const open = median(rounds.open).requests.average;
    const figures = Object.fromEntries(
      Object.entries(rounds).map(([name, results]) => {
        const { requests, latency } = median(results);
        const ratio = (requests.average / open).toFixed(2);
        return [
          name,
          `${requests.average.toFixed(0)} req/s (x${ratio} of open), p50 ${latency.p50} ms, p99 ${latency.p99} ms`,
        ];
      }),
    );
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await gateway.close();
  }
});
