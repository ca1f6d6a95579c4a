import { DomainError } from '@harbor/shared-kernel';

/** A console request the caller got wrong (bad query value, malformed body): answered 400. */
export class InvalidConsoleRequest extends DomainError {
  readonly code = 'CONSOLE.INVALID_REQUEST';
  readonly kind = 'invalid' as const;
}

/** A console request naming something the local cloud does not have (table, subscription, rule): answered 404. */
export class ConsoleResourceNotFound extends DomainError {
  readonly code = 'CONSOLE.NOT_FOUND';
  readonly kind = 'not-found' as const;

  constructor(what: string, name: string, known: readonly string[]) {
    super(`${what} ${name} does not exist (known: ${known.length > 0 ? known.join(', ') : 'none'})`, { [what]: name });
  }
}
