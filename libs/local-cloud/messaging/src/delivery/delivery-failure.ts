import type { InvokeOutcome } from '@harbor/local-cloud-lambda';

/**
 * Why one attempt failed, and so who retries it:
 * - `client`: the service cannot reach the function at all (it does not exist). Not retried: SNS and
 *   EventBridge send such messages straight to the dead-letter queue.
 * - `service`: the Lambda service was unavailable to the emitting service. Retried by SNS's delivery policy or
 *   the rule's retry policy.
 * - `throttle`: Lambda accepted the event but throttled the run (429 / 5xx). Retried by Lambda for up to 6 hours.
 * - `function`: the handler threw or timed out. Retried twice by Lambda's async invocation.
 */
export type FailureKind = 'client' | 'service' | 'throttle' | 'function';

export interface DeliveryFailure {
  readonly kind: FailureKind;
  readonly errorType: string;
  readonly errorMessage: string;
}

/** Error types the Lambda service reports for throttles and its own faults, not the function's. */
const LAMBDA_SERVICE_ERROR_TYPES = new Set([
  'TooManyRequestsException',
  'ServiceException',
  'ResourceNotReadyException',
  'EC2ThrottledException',
  'ENILimitReachedException',
]);

export function classifyInvokeFailure(outcome: Extract<InvokeOutcome, { ok: false }>): DeliveryFailure {
  const { errorType, errorMessage } = outcome.error;
  return { kind: LAMBDA_SERVICE_ERROR_TYPES.has(errorType) ? 'throttle' : 'function', errorType, errorMessage };
}

/** The stage a failure belongs to, as a dead letter reports it. */
export function failureStage(kind: FailureKind): 'delivery' | 'function' {
  return kind === 'client' || kind === 'service' ? 'delivery' : 'function';
}
