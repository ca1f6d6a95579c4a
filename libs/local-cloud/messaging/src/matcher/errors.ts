import { DomainError } from '@harbor/shared-kernel';

export type PatternErrorDetails = {
  /** Where in the pattern or policy the problem is: `detail.amount`, `$or[1].state`, `(root)`. */
  readonly path: string;
  /** The problem in plain words. */
  readonly problem: string;
  /** AWS's wording for the same problem where known (else the problem again), for emulators that answer like AWS. */
  readonly awsReason: string;
};

/** An event pattern EventBridge's PutRule would reject. */
export class InvalidPatternError extends DomainError {
  readonly code = 'MATCHER.INVALID_EVENT_PATTERN';
  readonly kind = 'invalid' as const;
  declare readonly details: PatternErrorDetails;

  constructor(details: PatternErrorDetails, options?: ErrorOptions) {
    super(`"${details.path}": ${details.problem}`, { ...details }, options);
  }
}

/** A filter policy (or scope) SNS's Subscribe or SetSubscriptionAttributes would reject. */
export class InvalidFilterPolicyError extends DomainError {
  readonly code = 'MATCHER.INVALID_FILTER_POLICY';
  readonly kind = 'invalid' as const;
  declare readonly details: PatternErrorDetails;

  constructor(details: PatternErrorDetails, options?: ErrorOptions) {
    super(`"${details.path}": ${details.problem}`, { ...details }, options);
  }
}
