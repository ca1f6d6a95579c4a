import type { ServiceRetryPolicy } from './delivery-request';

/**
 * AWS's documented retry schedules, in real (uncompressed) milliseconds. Each function answers the wait before
 * retry number `retry` (1 for the first retry), or undefined when the schedule is exhausted.
 */

/** Lambda async invocation, function errors: two more attempts, one minute then two minutes later. */
export const LAMBDA_FUNCTION_ERROR_DELAYS_MS: readonly number[] = [60_000, 120_000];

export function lambdaFunctionErrorDelayMs(retry: number): number | undefined {
  return LAMBDA_FUNCTION_ERROR_DELAYS_MS[retry - 1];
}

/** Lambda async invocation, throttles and system errors: back to the queue for up to 6 hours. */
export const LAMBDA_MAXIMUM_EVENT_AGE_MS = 6 * 60 * 60 * 1000;
const LAMBDA_THROTTLE_FIRST_DELAY_MS = 1000;
const LAMBDA_THROTTLE_MAX_DELAY_MS = 5 * 60 * 1000;

/** Exponential from 1 second to at most 5 minutes, while the event is younger than 6 hours. */
export function lambdaThrottleDelayMs(retry: number, eventAgeMs: number): number | undefined {
  const delay = Math.min(LAMBDA_THROTTLE_FIRST_DELAY_MS * 2 ** (retry - 1), LAMBDA_THROTTLE_MAX_DELAY_MS);
  return eventAgeMs + delay > LAMBDA_MAXIMUM_EVENT_AGE_MS ? undefined : delay;
}

/**
 * SNS delivery policy for AWS-managed endpoints (Lambda, SQS, Firehose), applied to server-side errors:
 * 3 immediate retries, 2 retries 1 s apart, 10 retries backing off exponentially from 1 s to 20 s,
 * then 100,000 retries 20 s apart: 100,015 retries over about 23 days. Client-side errors are not retried.
 */
export const SNS_MANAGED_ENDPOINT_RETRIES = 100_015;
const SNS_IMMEDIATE_RETRIES = 3;
const SNS_PRE_BACKOFF_RETRIES = 2;
const SNS_BACKOFF_RETRIES = 10;
const SNS_MIN_DELAY_MS = 1000;
const SNS_MAX_DELAY_MS = 20_000;

export function snsManagedEndpointDelayMs(retry: number): number | undefined {
  if (retry < 1 || retry > SNS_MANAGED_ENDPOINT_RETRIES) return undefined;
  if (retry <= SNS_IMMEDIATE_RETRIES) return 0;
  if (retry <= SNS_IMMEDIATE_RETRIES + SNS_PRE_BACKOFF_RETRIES) return SNS_MIN_DELAY_MS;
  const backoffIndex = retry - SNS_IMMEDIATE_RETRIES - SNS_PRE_BACKOFF_RETRIES - 1;
  if (backoffIndex < SNS_BACKOFF_RETRIES) {
    // Geometric steps from the minimum to the maximum delay (AWS names the curve, not its constants).
    const ratio = SNS_MAX_DELAY_MS / SNS_MIN_DELAY_MS;
    return Math.round(SNS_MIN_DELAY_MS * ratio ** (backoffIndex / (SNS_BACKOFF_RETRIES - 1)));
  }
  return SNS_MAX_DELAY_MS;
}

/**
 * EventBridge target retry policy: exponential backoff with jitter, until `maximumRetryAttempts` retries or
 * the event is older than `maximumEventAgeSeconds`. AWS does not publish its base and cap; Harbor uses
 * "equal jitter" (half the exponential step fixed, half random) from 1 s, capped at 5 minutes.
 */
const EVENTBRIDGE_BASE_DELAY_MS = 1000;
const EVENTBRIDGE_MAX_DELAY_MS = 5 * 60 * 1000;

export function eventBridgeDelayMs(
  retry: number,
  eventAgeMs: number,
  policy: { readonly maximumRetryAttempts: number; readonly maximumEventAgeSeconds: number },
  random: () => number,
): number | undefined {
  if (retry > policy.maximumRetryAttempts) return undefined;
  const step = Math.min(EVENTBRIDGE_BASE_DELAY_MS * 2 ** (retry - 1), EVENTBRIDGE_MAX_DELAY_MS);
  const delay = Math.round(step / 2 + random() * (step / 2));
  return eventAgeMs + delay > policy.maximumEventAgeSeconds * 1000 ? undefined : delay;
}

/** The emitting service's wait before its next attempt to reach the Lambda service. */
export function serviceRetryDelayMs(
  policy: ServiceRetryPolicy,
  retry: number,
  eventAgeMs: number,
  random: () => number,
): number | undefined {
  switch (policy.kind) {
    case 'sns-managed-endpoint':
      return snsManagedEndpointDelayMs(retry);
    case 'eventbridge':
      return eventBridgeDelayMs(retry, eventAgeMs, policy, random);
    case 'none':
      return undefined;
  }
}
