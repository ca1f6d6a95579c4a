import { StartupError } from '@harbor/platform-service-definitions';

/** An error EventBridge itself would answer: JSON 1.1 `__type` (the SDK's exception name), message and status. */
export class EventBridgeProtocolError extends Error {
  override readonly name = 'EventBridgeProtocolError';

  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const validationException = (message: string) => new EventBridgeProtocolError('ValidationException', message);
export const busNotFound = (name: string) =>
  new EventBridgeProtocolError('ResourceNotFoundException', `Event bus ${name} does not exist.`);

/** A bus or rule declaration the local cloud cannot run; stops start-up naming it. */
export class InvalidEventBridgeDeclaration extends StartupError {
  constructor(
    message: string,
    /** The rule at fault, when it is one. */
    readonly rule?: string,
    options?: ErrorOptions,
  ) {
    super(message, {}, options);
  }
}
