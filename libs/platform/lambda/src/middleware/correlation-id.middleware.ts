import type { Logger } from '@aws-lambda-powertools/logger';
import { requestState } from '../http/http-request-state';
import type { HttpMiddleware, HttpRequest } from './http-middleware.types';

export interface CorrelationIdOptions {
  readonly logger: Logger;
  /** Lower-case: runs after header normalisation. */
  readonly headerName?: string;
}

const defaults = { headerName: 'x-correlation-id' };

// Printable ASCII without spaces, bounded: a caller cannot inject into log lines through it.
const USABLE_ID = /^[\x21-\x7e]{1,128}$/;

/** The caller's `x-correlation-id`, else API Gateway's request id; set on the logger and kept for the handler. */
export function correlationId(opts: CorrelationIdOptions): HttpMiddleware {
  const options = { ...defaults, ...opts };
  const correlationIdBefore = (request: HttpRequest): void => {
    const fromHeader = request.event.headers?.[options.headerName];
    const id =
      fromHeader !== undefined && USABLE_ID.test(fromHeader)
        ? fromHeader
        : (request.event.requestContext?.requestId ?? request.context.awsRequestId);
    requestState(request.event).correlationId = id;
    options.logger.setCorrelationId(id);
  };
  return { before: correlationIdBefore };
}
