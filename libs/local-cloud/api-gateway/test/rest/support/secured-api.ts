import { TraceRecorder } from '@harbor/local-cloud-trace';
import { createRestApi } from '../../../src/rest/create-rest-api';
import type { CreateRestApiOptions, RestApi } from '../../../src/rest/rest-api.types';
import { FakeAuthenticator } from './fake-authenticator';
import { FakeInvoker } from '@harbor/local-cloud-lambda/testing';
import { fixturePath, fixtureResolver, loadFixture } from './fixtures';

export const ISSUER = 'http://127.0.0.1:4566/_local';
export const GOLD_KEY = 'gold-key-0123456789abcdef';
export const FREE_KEY = 'free-key-0123456789abcdef';

export interface SecuredApi {
  readonly api: RestApi;
  readonly invoker: FakeInvoker;
  readonly authenticator: FakeAuthenticator;
  readonly trace: TraceRecorder;
  readonly clock: { now: number };
}

export const allowPolicy = (resource: string, effect: 'Allow' | 'Deny' = 'Allow') => ({
  Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
});

/** The secured fixture with a controllable clock, fake authenticator and fake authorizer functions. */
export const createSecuredApi = (
  overrides: Partial<CreateRestApiOptions> = {},
  authenticator = new FakeAuthenticator(),
): SecuredApi => {
  const clock = { now: Date.UTC(2030, 0, 15, 12) };
  const invoker = new FakeInvoker()
    .on('shop.me', (event) => ({
      statusCode: 200,
      body: JSON.stringify((event['requestContext'] as Record<string, unknown>)['authorizer'] ?? null),
    }))
    .on('shop.tokenAuthorizer', () => ({
      principalId: 'user-1',
      policyDocument: allowPolicy('*'),
      context: { tier: 'gold', score: 7, admin: false },
    }))
    .on('shop.requestAuthorizer', () => ({
      principalId: 'tenant-user',
      policyDocument: allowPolicy('*'),
      context: { tenant: 't1' },
    }));
  const trace = new TraceRecorder();
  const api = createRestApi({
    name: 'secured',
    openapi: loadFixture('secured-api.yaml'),
    sourceFile: fixturePath('secured-api.yaml'),
    resolve: fixtureResolver(),
    invoker,
    authenticator,
    stages: [{ name: 'prod', variables: { name: 'production' }, default: true }],
    apiKeys: [
      { name: 'gold', value: GOLD_KEY, id: 'gold-id' },
      { name: 'free', value: FREE_KEY, id: 'free-id' },
      { name: 'off', value: 'off-key-0123456789abcdef', enabled: false },
    ],
    usagePlans: [
      {
        name: 'gold',
        apiKeys: ['gold', 'off'],
        stages: [{ stage: 'prod', methodThrottles: { '/keyed/limited/GET': { rateLimit: 1, burstLimit: 1 } } }],
      },
      {
        name: 'free',
        apiKeys: ['free'],
        stages: [{ stage: 'prod' }],
        quota: { limit: 2, period: 'DAY' },
        throttle: { rateLimit: 100, burstLimit: 100 },
      },
    ],
    trace,
    clock: () => clock.now,
    ...overrides,
  });
  return { api, invoker, authenticator, trace, clock };
};
