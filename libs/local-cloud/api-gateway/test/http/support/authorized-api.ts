import { TraceRecorder } from '@harbor/local-cloud-trace';
import { FakeInvoker, FunctionError } from '@harbor/local-cloud-lambda/testing';
import { createHttpApi } from '../../../src/http/create-http-api';
import type { HttpApi } from '../../../src/http/http-api.types';
import { fixturePath, fixtureResolver, loadFixture } from './fixtures';

export interface AuthorizedApi {
  readonly api: HttpApi;
  readonly invoker: FakeInvoker;
  readonly trace: TraceRecorder;
  /** Moves the API's clock (authorizer cache TTLs) forward. */
  advance(ms: number): void;
}

export const ALLOW_CONTEXT = { user: 'ada', roles: ['admin', 'ops'], limits: { daily: 5 }, vip: true, level: 3 };

const policy = (effect: 'Allow' | 'Deny', resource: string) => ({
  principalId: 'user-42',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
  },
  context: { tenant: 'acme', seats: 7 },
});

/**
 * Fake authorizers answer by the token they get: `allow`, `deny`, `boom` (a function error) or `garbage` (an
 * answer in no known shape); the IAM one by `authorizationToken`: `all`, `only-1`, `deny`, `condition`.
 */
const authorizedInvoker = (): FakeInvoker =>
  new FakeInvoker()
    .on('pets.authorize', (event) => {
      const token = (event['headers'] as Record<string, string> | undefined)?.['authorization'] ?? 'allow';
      if (token === 'boom') throw new FunctionError('Error', 'token service unreachable');
      if (token === 'garbage') return { isAuthorized: 'yes' };
      return token === 'deny' ? { isAuthorized: false } : { isAuthorized: true, context: ALLOW_CONTEXT };
    })
    .on('pets.policy', (event) => {
      const token = event['authorizationToken'];
      if (token === 'all') return policy('Allow', 'arn:aws:execute-api:*:*:*/$default/GET/policy/*');
      if (token === 'only-1') return policy('Allow', event['methodArn'] as string);
      if (token === 'condition') return { ...policy('Allow', '*'), policyDocument: { Statement: [{ Condition: {} }] } };
      return policy('Deny', '*');
    })
    .on('pets.echo', (event) => ({ statusCode: 200, body: JSON.stringify({ routeKey: event['routeKey'] }) }))
    .on('pets.echoV1', () => ({ statusCode: 200, body: 'v1' }))
    .on('pets.v1', (event) => {
      const path = event['path'] as string;
      if (path.endsWith('/no-status')) return { body: 'no status code' };
      if (path.endsWith('/cookies'))
        return {
          statusCode: 201,
          headers: { 'x-single': 'one', 'content-type': 'text/plain' },
          multiValueHeaders: { 'x-multi': ['a', 'b'], 'Set-Cookie': ['a=1', 'b=2'] },
          body: 'cookies',
        };
      return { statusCode: 200, body: JSON.stringify(event) };
    });

export const createAuthorizedApi = (): AuthorizedApi => {
  let now = Date.UTC(2026, 0, 1);
  const invoker = authorizedInvoker();
  const trace = new TraceRecorder();
  const api = createHttpApi({
    name: 'harbor-test-authorized-http',
    openapi: loadFixture('authorized-http-api.yaml'),
    sourceFile: fixturePath('authorized-http-api.yaml'),
    resolve: fixtureResolver,
    invoker,
    trace,
    stageVariables: { realm: 'pets' },
    region: 'eu-west-1',
    accountId: '111122223333',
    apiId: 'authz12345',
    clock: () => now,
  });
  return { api, invoker, trace, advance: (ms) => (now += ms) };
};
