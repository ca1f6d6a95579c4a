import {
  eventBridgeDelayMs,
  LAMBDA_MAXIMUM_EVENT_AGE_MS,
  lambdaFunctionErrorDelayMs,
  lambdaThrottleDelayMs,
  SNS_MANAGED_ENDPOINT_RETRIES,
  serviceRetryDelayMs,
  snsManagedEndpointDelayMs,
} from './retry-schedules';

describe('Lambda async invocation retries', () => {
  it('retries a function error twice: one minute, then two minutes later', () => {
    expect([1, 2, 3].map(lambdaFunctionErrorDelayMs)).toEqual([60_000, 120_000, undefined]);
  });

  it('backs throttles off exponentially from 1 s to at most 5 minutes', () => {
    expect([1, 2, 3, 9, 10, 20].map((retry) => lambdaThrottleDelayMs(retry, 0))).toEqual([
      1000, 2000, 4000, 256_000, 300_000, 300_000,
    ]);
  });

  it('stops retrying throttles once the event would be older than 6 hours', () => {
    expect(lambdaThrottleDelayMs(20, LAMBDA_MAXIMUM_EVENT_AGE_MS - 300_000)).toBe(300_000);
    expect(lambdaThrottleDelayMs(20, LAMBDA_MAXIMUM_EVENT_AGE_MS - 299_999)).toBeUndefined();
  });
});

describe('SNS delivery policy for AWS-managed endpoints', () => {
  const delays = Array.from({ length: SNS_MANAGED_ENDPOINT_RETRIES }, (_, index) =>
    snsManagedEndpointDelayMs(index + 1),
  );

  it('has 3 immediate retries, then 2 one second apart', () => {
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 1000, 1000]);
  });

  it('backs off over 10 retries from 1 s to 20 s, rising each time', () => {
    const backoff = delays.slice(5, 15) as number[];
    expect(backoff[0]).toBe(1000);
    expect(backoff[9]).toBe(20_000);
    for (let index = 1; index < backoff.length; index += 1)
      expect(backoff[index]!).toBeGreaterThan(backoff[index - 1]!);
  });

  it('then retries every 20 s, 100,015 retries in all over about 23 days', () => {
    expect(new Set(delays.slice(15))).toEqual(new Set([20_000]));
    expect(snsManagedEndpointDelayMs(SNS_MANAGED_ENDPOINT_RETRIES + 1)).toBeUndefined();
    const totalDays = (delays as number[]).reduce((sum, delay) => sum + delay, 0) / 86_400_000;
    expect(totalDays).toBeGreaterThan(23);
    expect(totalDays).toBeLessThan(23.2);
  });
});

describe('EventBridge retry policy', () => {
  const policy = { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 };

  it('doubles its step each retry, half of it jittered', () => {
    expect([1, 2, 3].map((retry) => eventBridgeDelayMs(retry, 0, policy, () => 0))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((retry) => eventBridgeDelayMs(retry, 0, policy, () => 1))).toEqual([1000, 2000, 4000]);
  });

  it('caps the step at 5 minutes', () => {
    expect(eventBridgeDelayMs(30, 0, policy, () => 1)).toBe(300_000);
  });

  it('stops after maximumRetryAttempts', () => {
    const twoRetries = { maximumRetryAttempts: 2, maximumEventAgeSeconds: 86_400 };
    expect(eventBridgeDelayMs(2, 0, twoRetries, () => 1)).toBe(2000);
    expect(eventBridgeDelayMs(3, 0, twoRetries, () => 1)).toBeUndefined();
  });

  it('stops when the next wait would pass maximumEventAgeSeconds', () => {
    const oneMinute = { maximumRetryAttempts: 185, maximumEventAgeSeconds: 60 };
    expect(eventBridgeDelayMs(6, 28_000, oneMinute, () => 1)).toBe(32_000);
    expect(eventBridgeDelayMs(6, 28_001, oneMinute, () => 1)).toBeUndefined();
  });

  it('is chosen by the target policy kind', () => {
    expect(serviceRetryDelayMs({ kind: 'sns-managed-endpoint' }, 4, 0, () => 0)).toBe(1000);
    expect(serviceRetryDelayMs({ kind: 'eventbridge', ...policy }, 4, 0, () => 1)).toBe(8000);
    expect(serviceRetryDelayMs({ kind: 'none' }, 1, 0, () => 0)).toBeUndefined();
  });
});
