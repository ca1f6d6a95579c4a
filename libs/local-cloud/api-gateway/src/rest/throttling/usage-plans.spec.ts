import { bodyJson, httpRequest } from '../../../test/rest/support/requests';
import { createSecuredApi, FREE_KEY, GOLD_KEY } from '../../../test/rest/support/secured-api';

const withKey = (key: string) => ({ headers: { 'x-api-key': key } });

describe('API keys and usage plans', () => {
  it.each([
    ['no key', {}],
    ['an unknown key', withKey('unknown-key-0123456789abcdef')],
    ['a disabled key', withKey('off-key-0123456789abcdef')],
  ])('answers 403 Forbidden for %s', async (_case, options) => {
    const { api } = createSecuredApi();
    const response = await api.handle(httpRequest('GET', '/keyed', options));
    expect(response.status).toBe(403);
    expect(bodyJson(response)).toEqual({ message: 'Forbidden' });
    expect(response.headers['x-amzn-ErrorType']).toBe('ForbiddenException');
  });

  it('serves a key of a plan on the stage and exposes its id', async () => {
    const { api } = createSecuredApi();
    const response = await api.handle(httpRequest('GET', '/keyed', withKey(GOLD_KEY)));
    expect(response.status).toBe(200);
    expect(bodyJson(response)).toEqual({ apiKeyId: 'gold-id' });
  });

  it('answers 429 Limit Exceeded past the quota until the next period', async () => {
    const { api, clock } = createSecuredApi();
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1)
      statuses.push((await api.handle(httpRequest('GET', '/keyed', withKey(FREE_KEY)))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const over = await api.handle(httpRequest('GET', '/keyed', withKey(FREE_KEY)));
    expect(bodyJson(over)).toEqual({ message: 'Limit Exceeded' });
    clock.now += 24 * 3600 * 1000;
    expect((await api.handle(httpRequest('GET', '/keyed', withKey(FREE_KEY)))).status).toBe(200);
  });

  it("answers 429 Too Many Requests past the plan's method throttle, then refills at the rate", async () => {
    const { api, clock } = createSecuredApi();
    expect((await api.handle(httpRequest('GET', '/keyed/limited', withKey(GOLD_KEY)))).status).toBe(200);
    const throttled = await api.handle(httpRequest('GET', '/keyed/limited', withKey(GOLD_KEY)));
    expect(throttled.status).toBe(429);
    expect(bodyJson(throttled)).toEqual({ message: 'Too Many Requests' });
    expect((await api.handle(httpRequest('GET', '/keyed', withKey(GOLD_KEY)))).status).toBe(200);
    clock.now += 1000;
    expect((await api.handle(httpRequest('GET', '/keyed/limited', withKey(GOLD_KEY)))).status).toBe(200);
  });

  it('refuses a usage plan naming an unknown key at start-up', () => {
    expect(() =>
      createSecuredApi({ usagePlans: [{ name: 'p', apiKeys: ['ghost'], stages: [{ stage: 'prod' }] }] }),
    ).toThrow('API key ghost is not defined');
  });
});

describe('stage and method throttling', () => {
  it('throttles each method with its own bucket, method settings over stage settings', async () => {
    const { api, clock } = createSecuredApi({
      stages: [
        {
          name: 'prod',
          variables: { name: 'p' },
          default: true,
          throttle: { rateLimit: 1, burstLimit: 2 },
          methodThrottles: { '/open/GET': { rateLimit: 0, burstLimit: 1 } },
        },
      ],
    });
    const open = [];
    for (let index = 0; index < 2; index += 1) open.push((await api.handle(httpRequest('GET', '/open'))).status);
    expect(open).toEqual([200, 429]);
    const keyed = [];
    for (let index = 0; index < 3; index += 1)
      keyed.push((await api.handle(httpRequest('GET', '/keyed', withKey(GOLD_KEY)))).status);
    expect(keyed).toEqual([200, 200, 429]);
    clock.now += 1000;
    expect((await api.handle(httpRequest('GET', '/keyed', withKey(GOLD_KEY)))).status).toBe(200);
    expect((await api.handle(httpRequest('GET', '/open'))).status).toBe(429);
  });
});
