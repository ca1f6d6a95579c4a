import { StartupError } from '@harbor/platform-service-definitions';

/**
 * An error SNS itself would answer, with AWS's code and HTTP status: the SDK turns `code` into the exception
 * it throws (`NotFound` → NotFoundException, `ParameterValueInvalid` → InvalidParameterValueException, ...).
 */
export class SnsProtocolError extends Error {
  override readonly name = 'SnsProtocolError';

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly senderFault = true,
  ) {
    super(message);
  }
}

export const invalidParameter = (message: string) => new SnsProtocolError('InvalidParameter', message);
export const parameterValueInvalid = (message: string) => new SnsProtocolError('ParameterValueInvalid', message);
export const topicNotFound = () => new SnsProtocolError('NotFound', 'Topic does not exist', 404);
export const validationError = (message: string) => new SnsProtocolError('ValidationError', message);

/** A topic or subscription declaration the local cloud cannot run; stops start-up naming it. */
export class InvalidSnsDeclaration extends StartupError {
  constructor(
    message: string,
    /** The subscription at fault, when it is one. */
    readonly subscription?: string,
    options?: ErrorOptions,
  ) {
    super(message, {}, options);
  }
}
