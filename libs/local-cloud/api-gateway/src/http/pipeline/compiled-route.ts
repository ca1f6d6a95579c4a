import type { JwtAuthorizer } from '../auth/jwt-authorizer';

/** A route ready to serve: where it goes, how long it may take, who may call it. */
export interface CompiledRoute {
  readonly routeKey: string;
  readonly functionId: string;
  readonly timeoutMs: number;
  readonly authorizer: JwtAuthorizer | undefined;
  readonly scopes: readonly string[];
  readonly operationId: string | undefined;
}
