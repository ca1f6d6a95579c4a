import type { Logger } from '@aws-lambda-powertools/logger';
import { DomainError } from '@harbor/shared-kernel';
import { domainErrorProblem } from '../problems/domain-error.problem';
import { HttpProblemError } from '../problems/http-problem.error';
import { internalErrorProblem } from '../problems/platform-problems';
import { problem, problemResponse, type Problem } from '../problems/problem';
import type { HttpMiddleware, HttpRequest } from './http-middleware.types';

export interface ProblemErrorHandlerOptions {
  readonly logger: Logger;
}

/**
 * The one error handler: DomainError and HttpProblemError become their RFC 9457 problem; anything else is
 * logged with the request id and answered with a generic 500. No error object or stack reaches the client.
 */
export function problemErrorHandler(opts: ProblemErrorHandlerOptions): HttpMiddleware {
  const options = { ...opts };
  const problemErrorHandlerOnError = (request: HttpRequest): void => {
    const { error } = request;
    const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
    let body: Problem;
    if (error instanceof DomainError) {
      body = domainErrorProblem(error, requestId);
    } else if (error instanceof HttpProblemError) {
      body = problem({ ...error.problem, instance: requestId });
    } else {
      options.logger.error({ message: 'Unhandled error', requestId }, error instanceof Error ? error : String(error));
      request.response = problemResponse(internalErrorProblem(requestId));
      return;
    }
    options.logger.info('Request rejected', { requestId, status: body.status, code: body.code });
    request.response = problemResponse(body);
  };
  return { onError: problemErrorHandlerOnError };
}
