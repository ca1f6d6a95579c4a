import type { DeliveringService } from './delivery-request';

/** One message that exhausted its retries, as `GET /_local/dlq` shows it. Plain data: safe to serialise. */
export interface DeadLetter {
  readonly id: string;
  readonly queueName: string;
  readonly service: DeliveringService;
  /** Topic or bus the message came through. */
  readonly origin: string;
  /** Subscription or rule that failed to deliver it. */
  readonly target: string;
  readonly functionId: string;
  readonly messageId: string;
  readonly correlationId: string;
  /** The event the function was given, unchanged; redrive sends it again. */
  readonly message: unknown;
  readonly error: {
    readonly stage: 'delivery' | 'function';
    readonly errorType: string;
    readonly errorMessage: string;
  };
  readonly attempts: number;
  readonly firstAttemptAt: string;
  readonly lastAttemptAt: string;
  readonly deadLetteredAt: string;
  readonly redriveCount: number;
  readonly lastRedriveAt?: string;
}

export interface DeadLetterQueueView {
  readonly name: string;
  readonly messages: readonly DeadLetter[];
}

export interface RedriveResult {
  readonly queueName: string;
  readonly redriven: number;
  readonly delivered: number;
  readonly failed: number;
  /** Messages still in the queue after the redrive. */
  readonly remaining: number;
}
