import type { FieldError } from '@harbor/contracts';

/**
 * An event whose detail does not match its contract. Thrown (not swallowed) so the platform retries it and
 * finally dead-letters it, where it can be inspected and redriven once the consumer is fixed.
 */
export class InvalidEventError extends Error {
  readonly errors: readonly FieldError[];

  constructor(detailType: string, errors: readonly FieldError[]) {
    super(`Invalid ${detailType} event: ${errors.map((error) => error.message).join('; ')}`);
    this.name = 'InvalidEventError';
    this.errors = errors;
  }
}
