import type { Invoker } from '@harbor/local-cloud-lambda';
import { invalidDefinition, stringOrUndefined, type JsonRecord } from '../../core';
import type { JwksResolver } from '../http-api.types';
import type { CompiledRoute } from '../pipeline/compiled-route';
import { parseRoutePath } from '../routing/route-path';
import { RouteTable, type TableEntry } from '../routing/route-table';
import { compileIntegration } from './compile-integration';
import { SecurityCompiler } from './compile-security';
import { listOperations } from './operations';

export interface CompiledRoutes {
  readonly table: RouteTable<CompiledRoute>;
  readonly defaultRoute: CompiledRoute | undefined;
  readonly routes: readonly CompiledRoute[];
}

const signature = (method: string, path: string): string =>
  `${method} ${path.replace(/\{[^}]+\+\}/g, '{+}').replace(/\{[^}+]+\}/g, '{}')}`;

/** Every route of the document compiled once: integration, authorizer and scopes, path pattern. */
export const compileRoutes = (
  document: JsonRecord,
  file: string,
  invoker: Invoker,
  jwks: JwksResolver | undefined,
  clock: () => number,
): CompiledRoutes => {
  const security = new SecurityCompiler(document, jwks, invoker, clock);
  const entries: TableEntry<CompiledRoute>[] = [];
  const routes: CompiledRoute[] = [];
  const seen = new Map<string, string>();
  let defaultRoute: CompiledRoute | undefined;
  for (const { routeKey, method, path, operation } of listOperations(document, file)) {
    const location = { file, route: routeKey };
    const parts =
      path === undefined ? [] : parseRoutePath(path, (detail) => invalidDefinition(location, 'path', detail));
    if (path !== undefined) {
      // `/items/{id}` and `/items/{itemId}` are the same route to API Gateway, which refuses the second.
      const key = signature(method, path);
      const clash = seen.get(key);
      if (clash) throw invalidDefinition(location, 'route key', `conflicts with ${clash}`);
      seen.set(key, routeKey);
    }
    const { functionId, timeoutMs, payloadFormatVersion } = compileIntegration(
      document,
      operation as JsonRecord,
      invoker,
      location,
    );
    const { authorizer, scopes } = security.compile(operation, location);
    const route: CompiledRoute = {
      routeKey,
      resourcePath: path,
      functionId,
      timeoutMs,
      payloadFormatVersion,
      authorizer,
      scopes,
      operationId: stringOrUndefined(operation['operationId']),
    };
    routes.push(route);
    if (path === undefined) defaultRoute = route;
    else entries.push({ method, parts, value: route });
  }
  return { table: new RouteTable(entries), defaultRoute, routes };
};
