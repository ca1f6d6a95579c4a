import type { ProblemInput } from './problem';

/**
 * An HTTP-level rejection raised by the platform's middleware (or a handler) that the error handler turns
 * into exactly this problem. Domain code throws DomainError instead.
 */
export class HttpProblemError extends Error {
  readonly problem: Omit<ProblemInput, 'instance'>;

  constructor(problem: Omit<ProblemInput, 'instance'>, options?: ErrorOptions) {
    super(problem.detail ?? problem.title, options);
    this.name = 'HttpProblemError';
    this.problem = problem;
  }
}
