import type { RouteAuthorizer } from '../auth/route-authorizer';
import type { Integration } from '../integrations/integration';
import type { RouteSummary } from '../rest-api.types';
import type { RequestValidation } from '../validation/request-validator';

/** Everything a method needs at request time, prepared at start-up. */
export interface CompiledRoute {
  readonly resourcePath: string;
  readonly resourceId: string;
  readonly authorizer: RouteAuthorizer | undefined;
  readonly apiKeyRequired: boolean;
  readonly validate: RequestValidation | undefined;
  readonly integration: Integration;
  readonly summary: RouteSummary;
}
