import { callerFromEvent } from '../http/caller';
import { requestState } from '../http/http-request-state';
import { platformProblems } from '../problems/platform-problems';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { HttpMiddleware, HttpRequest } from './http-middleware.types';

export interface CognitoCallerOptions {
  /** When true (routes with `auth: 'cognito'`), a request without claims is answered 401. */
  readonly required?: boolean;
}

const defaults = { required: true };

/** Reads the caller from the Cognito authorizer's claims. */
export function cognitoCaller(opts: CognitoCallerOptions = {}): HttpMiddleware<APIGatewayProxyEvent> {
  const options = { ...defaults, ...opts };
  const cognitoCallerBefore = (request: HttpRequest<APIGatewayProxyEvent>): void => {
    const caller = callerFromEvent(request.event);
    if (!caller && options.required) throw platformProblems.unauthenticated();
    requestState(request.event).caller = caller;
  };
  return { before: cognitoCallerBefore };
}
