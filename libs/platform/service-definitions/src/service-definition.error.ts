import { StartupError } from './startup-error';

/**
 * Every problem found in the declaration files, each line naming the file and the field
 * (`apps/orders/api/tables.yaml: tables.orders.hashKey.type: expected S, N or B`).
 */
export class ServiceDefinitionError extends StartupError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid service declarations:\n  ${problems.join('\n  ')}`);
    this.name = 'ServiceDefinitionError';
    this.problems = problems;
  }
}
