import type { HttpLambdaAuthorizer } from '../auth/http-lambda-authorizer';
import type { JwtAuthorizer } from '../auth/jwt-authorizer';

/** A route ready to serve: where it goes, how long it may take, who may call it. */
export interface CompiledRoute {
  readonly routeKey: string;
  /** The path as declared (`/pets/{id}`), undefined for `$default`. */
  readonly resourcePath: string | undefined;
  readonly functionId: string;
  readonly timeoutMs: number;
  readonly payloadFormatVersion: '1.0' | '2.0';
  readonly authorizer: JwtAuthorizer | HttpLambdaAuthorizer | undefined;
  readonly scopes: readonly string[];
  readonly operationId: string | undefined;
}
