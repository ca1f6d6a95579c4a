import { FaultInjector } from '@harbor/local-cloud-messaging';
import { faultEndpoints } from './fault-endpoints';
import type { IncomingRequest } from './http/incoming-request';

const call = (handle: ReturnType<typeof faultEndpoints>, method: string, body = '', path = '/_local/faults') => {
  const request: IncomingRequest = {
    method,
    url: path,
    path,
    headers: {},
    rawHeaders: [],
    body: Buffer.from(body),
    remoteAddress: '127.0.0.1',
  };
  const response = handle(request);
  return response && { ...response, json: JSON.parse(String(response.body)) as Record<string, unknown> };
};

describe('faultEndpoints', () => {
  it('replaces, reads and clears the configuration, and answers only its own path', () => {
    const faults = new FaultInjector();
    const handle = faultEndpoints(faults);
    const put = call(handle, 'PUT', JSON.stringify({ seed: 5, rules: [{ match: 'stock-outcome', firstAttempts: 1 }] }));
    expect(put?.status).toBe(200);
    expect(faults.ruleFault('stock-outcome')).toBe(true);
    expect(call(handle, 'GET')?.json).toMatchObject({ seed: 5, total: 1, injected: { rules: { 'stock-outcome': 1 } } });
    expect(call(handle, 'DELETE')?.json).toMatchObject({ total: 0, config: { rules: [] } });
    expect(call(handle, 'GET', '', '/_local/dlq')).toBeUndefined();
    expect(call(handle, 'POST')?.status).toBe(405);
  });

  it('answers a problem for a body that is not a configuration, keeping the one in force', () => {
    const faults = new FaultInjector();
    const handle = faultEndpoints(faults);
    call(handle, 'PUT', JSON.stringify({ topics: [{ probability: 1 }] }));
    const refused = call(handle, 'PUT', JSON.stringify({ topics: [{ probability: 1, firstAttempts: 2 }] }));
    expect(refused?.status).toBe(400);
    expect(refused?.headers).toEqual({ 'content-type': 'application/problem+json' });
    expect(refused?.json).toMatchObject({
      title: 'Invalid fault configuration',
      status: 400,
      code: 'FAULTS.INVALID_CONFIG',
      problems: [expect.stringContaining('topics.0')],
    });
    expect(call(handle, 'PUT', 'nope')?.json).toMatchObject({
      status: 400,
      detail: expect.stringContaining('not JSON'),
    });
    expect(faults.topicFault('any')).toBe(true);
  });
});
