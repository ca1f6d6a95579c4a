import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { requestState } from '../http/http-request-state';
import { callerFromJwtEvent } from '../http-api/jwt-caller';
import { platformProblems } from '../problems/platform-problems';
import type { HttpMiddleware, HttpRequest } from './http-middleware.types';

type JwtEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export interface JwtCallerOptions {
  /** When true (routes with `auth: 'jwt'`), a request without JWT claims is answered 401. */
  readonly required?: boolean;
  /**
   * Who may call: a caller holding any one of these scopes, or in any one of these groups. Anyone else is
   * answered 403. Omitted: any authenticated caller.
   */
  readonly access?: CallerAccess;
}

export interface CallerAccess {
  readonly scopes?: readonly string[];
  readonly groups?: readonly string[];
}

const defaults = { required: true };

/** Reads the caller from the HTTP API JWT authorizer's claims and checks the route's access rule. */
export function jwtCaller(opts: JwtCallerOptions = {}): HttpMiddleware<JwtEvent> {
  const options = { ...defaults, ...opts };
  const access = options.access;
  if (access && (access.scopes?.length ?? 0) + (access.groups?.length ?? 0) === 0) {
    throw new Error('access needs at least one scope or group: an empty rule would let nobody in');
  }
  const jwtCallerBefore = (request: HttpRequest<JwtEvent>): void => {
    const caller = callerFromJwtEvent(request.event);
    if (!caller && (options.required || access)) throw platformProblems.unauthenticated();
    if (caller && access) {
      const allowed =
        (access.scopes ?? []).some((scope) => caller.scopes?.includes(scope)) ||
        (access.groups ?? []).some((group) => caller.groups.includes(group));
      if (!allowed) throw platformProblems.forbidden(`This route needs ${describe(access)}.`);
    }
    requestState(request.event).caller = caller;
  };
  return { before: jwtCallerBefore };
}

function describe(access: CallerAccess): string {
  const parts = [
    ...(access.scopes ?? []).map((scope) => `scope ${scope}`),
    ...(access.groups ?? []).map((group) => `group ${group}`),
  ];
  return parts.join(' or ');
}
