/** A function spec Lambda would refuse (bad name, timeout, memory, reserved environment key...). */
export class InvalidFunctionSpecError extends Error {
  readonly code = 'LAMBDA.INVALID_FUNCTION_SPEC';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
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

/** The runtime cannot start workers (its worker entry file is missing or does not build). */
export class WorkerEntryError extends Error {
  readonly code = 'LAMBDA.WORKER_ENTRY';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
