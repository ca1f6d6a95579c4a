/**
 * Base of every error a user can cause. `code` is stable (clients and tests key on it); the handler edge
 * maps `kind` to an HTTP status, so domain code never speaks HTTP.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'unprocessable' | 'forbidden';

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  /** Extra fields safe to show a client (for example the offending field). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
}
