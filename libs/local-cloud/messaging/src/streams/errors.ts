import { StartupError } from '@harbor/platform-service-definitions';

/** A stream mapping the local cloud cannot run as AWS would: stops start-up, naming the mapping and the option. */
export class InvalidStreamMapping extends StartupError {
  constructor(
    readonly mapping: string,
    /** What is wrong, without the mapping's name. */
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`Stream mapping ${mapping}: ${detail}`, {}, options);
  }
}

/** The mapping's table has no stream in DynamoDB Local (created before its definition declared one?). */
export class StreamNotFound extends StartupError {}
