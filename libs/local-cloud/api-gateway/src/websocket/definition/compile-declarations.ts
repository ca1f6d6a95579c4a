import { functionIdFromUri, invalidDefinition, unknownFunction, unsupported } from '../../core';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { ConnectAuthorizerSpec } from '../auth/connect-authorizer';
import { parseIdentitySource } from '../auth/identity-sources';
import type { CreateWebSocketApiOptions } from '../websocket-api.types';
import { parseRouteSelection, type RouteSelector } from './route-selection';

export interface CompiledDeclarations {
  /** Function id by route key. */
  readonly routes: ReadonlyMap<string, string>;
  /** Route keys whose function's result body is sent back to the client (a `$default` route response). */
  readonly twoWay: ReadonlySet<string>;
  readonly authorizer: Omit<ConnectAuthorizerSpec, 'invoker'> | undefined;
  readonly selectRoute: RouteSelector;
  readonly file: string;
}

const SPECIAL_KEYS = new Set(['$connect', '$disconnect', '$default']);
const DEFAULT_IDENTITY_SOURCES = ['route.request.querystring.token'];

/** Checks the declarations as API Gateway and the Terraform module would, and resolves every function once. */
export const compileDeclarations = (options: CreateWebSocketApiOptions, invoker: Invoker): CompiledDeclarations => {
  const file = options.sourceFile ?? options.name;
  const functionOf = (declared: unknown, route: string, feature: string): string => {
    if (typeof declared !== 'string' || declared.length === 0)
      throw invalidDefinition({ file, route }, feature, 'must name a function');
    const functionId = functionIdFromUri(declared);
    if (!invoker.has(functionId)) throw unknownFunction({ file, route }, feature, functionId);
    return functionId;
  };
  const routes = new Map<string, string>();
  const twoWay = new Set<string>();
  for (const [routeKey, declaration] of Object.entries(options.routes)) {
    if (routeKey.length === 0 || (routeKey.startsWith('$') && !SPECIAL_KEYS.has(routeKey))) {
      throw invalidDefinition(
        { file, route: routeKey },
        'route key',
        'must be $connect, $disconnect, $default or a custom key not starting with $',
      );
    }
    routes.set(routeKey, functionOf(declaration?.function, routeKey, 'integration'));
    if (declaration?.twoWay) {
      if (routeKey === '$connect' || routeKey === '$disconnect')
        throw invalidDefinition(
          { file, route: routeKey },
          'twoWay',
          'a route response answers a message: $connect and $disconnect have none',
        );
      twoWay.add(routeKey);
    }
  }
  const expression = options.routeSelectionExpression ?? '$request.body.action';
  const selectRoute = parseRouteSelection(expression);
  if (!selectRoute)
    throw unsupported({ file }, `routeSelectionExpression ${expression}`, 'only $request.body.<path> is emulated');
  let authorizer: CompiledDeclarations['authorizer'];
  if (options.authorizer) {
    if (!routes.has('$connect'))
      throw invalidDefinition(
        { file, route: 'authorizer' },
        'authorizer',
        'an authorizer needs a $connect route to run on',
      );
    const identitySources = (options.authorizer.identitySources ?? DEFAULT_IDENTITY_SOURCES).map((source) =>
      parseIdentitySource(source, (detail) => unsupported({ file, route: 'authorizer' }, 'identity source', detail)),
    );
    authorizer = { functionId: functionOf(options.authorizer.function, 'authorizer', 'authorizer'), identitySources };
  }
  return { routes, twoWay, authorizer, selectRoute, file };
};
