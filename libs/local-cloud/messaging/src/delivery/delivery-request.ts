/**
 * What SNS and EventBridge hand to the delivery engine: one message for one target (a subscription or a
 * rule), already shaped as the event the function receives. DynamoDB stream mappings retry by themselves and
 * only use the dead-letter store (and its redrive) for batches that exhausted their retries. `lambda` is an
 * asynchronous Invoke (`InvocationType: Event`) that a caller sent to the Lambda API itself.
 */
export type DeliveringService = 'sns' | 'eventbridge' | 'scheduler' | 'dynamodb' | 'lambda';

/**
 * How the emitting service retries when it cannot hand the event to the Lambda service (throttled,
 * unavailable). Function errors are a separate layer: Lambda's own async retries.
 */
export type ServiceRetryPolicy =
  | { readonly kind: 'sns-managed-endpoint' }
  | { readonly kind: 'eventbridge'; readonly maximumRetryAttempts: number; readonly maximumEventAgeSeconds: number }
  /** Nobody retries here: a stream mapping's own retries ran before the batch was dead-lettered. */
  | { readonly kind: 'none' };

/**
 * A target's fixed fault budget, set in code: its first N attempts of each kind fail. Counted by the same
 * FaultInjector as the faults configured at run time through /_local/faults.
 */
export interface DeliveryFaults {
  /** Attempts that fail as if the Lambda service were unavailable (retried by the emitting service's policy). */
  readonly serviceErrors?: number;
  /** Attempts that fail as if the function had thrown (retried by Lambda's async retries). */
  readonly functionErrors?: number;
}

export interface DeliveryTarget {
  readonly service: DeliveringService;
  /** The subscription or rule name, as declared; a schedule's `<group>/<name>`. */
  readonly name: string;
  readonly functionId: string;
  /** The dead-letter queue's name when the subscription or rule has one. */
  readonly deadLetterQueue: string | undefined;
  readonly serviceRetry: ServiceRetryPolicy;
  readonly faults?: DeliveryFaults;
}

export interface DeliveryRequest {
  readonly target: DeliveryTarget;
  /** The topic or bus the message came through. */
  readonly origin: string;
  /** SNS message id or EventBridge event id. */
  readonly messageId: string;
  readonly correlationId: string;
  /** Exactly what the function receives. */
  readonly event: unknown;
}
