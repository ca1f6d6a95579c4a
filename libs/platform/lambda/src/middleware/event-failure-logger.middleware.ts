import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj, Request } from '@middy/core';
import type { AnyEventBridgeEvent } from '../events/event-request-state';

export interface EventFailureLoggerOptions {
  readonly logger: Logger;
}

/** Logs why an event failed, with its id and type, then lets the error through so the platform retries it. */
export function eventFailureLogger(opts: EventFailureLoggerOptions): MiddlewareObj<AnyEventBridgeEvent> {
  const options = { ...opts };
  const eventFailureLoggerOnError = (request: Request<AnyEventBridgeEvent>): void => {
    const { id, source } = request.event;
    const error = request.error;
    options.logger.error(
      { message: 'Event handling failed', eventId: id, source, detailType: request.event['detail-type'] },
      error instanceof Error ? error : String(error),
    );
  };
  return { onError: eventFailureLoggerOnError };
}
