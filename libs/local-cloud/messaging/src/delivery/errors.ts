import { StartupError } from '@harbor/platform-service-definitions';
import { DomainError } from '@harbor/shared-kernel';

/**
 * A redrive or lookup named a dead-letter queue no subscription or rule declares. A request can cause it at run
 * time (POST /_local/dlq/<queue>/redrive answers 404), so it is a DomainError, not a start-up error.
 */
export class DeadLetterQueueNotFound extends DomainError {
  readonly code = 'DLQ.NOT_FOUND';
  readonly kind = 'not-found' as const;

  constructor(queueName: string, known: readonly string[]) {
    super(`Dead-letter queue ${queueName} does not exist (known: ${known.length > 0 ? known.join(', ') : 'none'})`, {
      queueName,
    });
  }
}

/** A delivery setting outside what AWS accepts, caught at start-up. */
export class InvalidDeliverySetting extends StartupError {}

/**
 * A fault-injection configuration (PUT /_local/faults or HARBOR_FAULTS) that does not have the documented shape.
 * PUT /_local/faults answers it as problem+json with its code and problems, so it stays a DomainError.
 */
export class InvalidFaultConfig extends DomainError {
  readonly code = 'FAULTS.INVALID_CONFIG';
  readonly kind = 'invalid' as const;
}
