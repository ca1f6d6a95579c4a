import { StartupError } from '@harbor/platform-service-definitions';

/** A function spec Lambda would refuse (bad name, timeout, memory, reserved environment key...): stops start-up. */
export class InvalidFunctionSpecError extends StartupError {
  readonly code = 'LAMBDA.INVALID_FUNCTION_SPEC';

  constructor(message: string, options?: ErrorOptions) {
    super(message, { feature: 'function spec' }, options);
  }
}

/** An invocation named a function the runtime was not given: a wiring mistake, never a client's. */
export class UnknownFunctionError extends Error {
  readonly code = 'LAMBDA.UNKNOWN_FUNCTION';

  constructor(readonly functionId: string) {
    super(`No function ${functionId} in the local Lambda runtime`);
    this.name = new.target.name;
  }
}

/** The runtime cannot start workers (its worker entry file is missing or does not build): stops start-up. */
export class WorkerEntryError extends StartupError {
  readonly code = 'LAMBDA.WORKER_ENTRY';

  constructor(message: string, options?: ErrorOptions) {
    super(message, { feature: 'Lambda worker entry' }, options);
  }
}
