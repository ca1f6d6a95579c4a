import type { LocalIssuer } from '@harbor/local-cloud-auth';
import {
  createHttpApi,
  parseRoutePath,
  RouteTable,
  type GatewayRequest,
  type GatewayResponse,
  type HttpApi,
  type TableEntry,
} from '@harbor/local-cloud-api-gateway';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { StartupError, type ServiceDefinition } from '@harbor/platform-service-definitions';
import { relative } from 'node:path';
import { placeholderResolver } from './placeholders';
import type { ResourceNaming } from './resource-names';

export interface HttpApisDependencies {
  readonly workspaceRoot: string;
  readonly naming: ResourceNaming;
  readonly invoker: Invoker;
  readonly issuer: LocalIssuer;
  readonly trace: TraceRecorder;
}

/** One service's HTTP API and the file it was built from. */
export interface ServiceHttpApi {
  readonly file: string;
  readonly api: HttpApi;
}

/** A route two services' HTTP APIs both declare, or one API Gateway cannot parse; names the file and the route. */
export class HttpApiRouteConflict extends StartupError {}

const routeConflict = (file: string, routeKey: string, detail: string): HttpApiRouteConflict =>
  new HttpApiRouteConflict(`${file}: route ${routeKey}: ${detail}`, { file, feature: `route ${routeKey}` });

/**
 * One HTTP API per service that has an http-api.yaml, on the `$default` stage as the Terraform module deploys it.
 * JWT authorizers trust the local issuer only: its tokens are the ones `POST /_local/token` mints.
 */
export function createHttpApis(services: readonly ServiceDefinition[], deps: HttpApisDependencies): ServiceHttpApi[] {
  return services.flatMap((service) => {
    if (!service.httpApi) return [];
    const file = relative(deps.workspaceRoot, `${service.directory}/api/http-api.yaml`);
    const api = createHttpApi({
      name: `harbor-${deps.naming.env}-${service.name}-http`,
      openapi: service.httpApi,
      sourceFile: file,
      resolve: placeholderResolver(service, deps.naming, deps.issuer),
      invoker: deps.invoker,
      jwks: (issuer) => (issuer === deps.issuer.issuerUrl ? deps.issuer.jwks : undefined),
      stage: '$default',
      trace: deps.trace,
      region: deps.naming.region,
      accountId: deps.naming.accountId,
    });
    return [{ file, api }];
  });
}

const NOT_FOUND: GatewayResponse = {
  status: 404,
  headers: { 'content-type': 'application/json' },
  body: '{"message":"Not Found"}',
};

// `GET /items/{id}` and `GET /items/{itemId}` are one route to API Gateway.
const routeSignature = (routeKey: string): string =>
  routeKey.replace(/\{[^}]+\+\}/g, '{+}').replace(/\{[^}+]+\}/g, '{}');

/**
 * Every service's HTTP API on one port. AWS gives each API its own host; locally a request goes to the API
 * whose route matches it best (AWS's route priority across all of them), else to the API with a `$default`
 * route, else it is API Gateway's 404. Two services declaring the same route stop start-up, naming both files.
 */
export function httpApiDispatcher(
  apis: readonly ServiceHttpApi[],
): (request: GatewayRequest) => Promise<GatewayResponse> {
  const owners = new Map<string, ServiceHttpApi>();
  const entries: TableEntry<ServiceHttpApi>[] = [];
  let fallback: ServiceHttpApi | undefined;
  for (const owner of apis) {
    for (const { routeKey } of owner.api.routes()) {
      const signature = routeSignature(routeKey);
      const earlier = owners.get(signature);
      if (earlier) {
        const why = 'the local cloud serves every HTTP API on one port, so a route may belong to one service only';
        throw routeConflict(owner.file, routeKey, `${earlier.file} declares it too; ${why}`);
      }
      owners.set(signature, owner);
      if (routeKey === '$default') {
        fallback = owner;
        continue;
      }
      const space = routeKey.indexOf(' ');
      const parts = parseRoutePath(routeKey.slice(space + 1), (detail) => routeConflict(owner.file, routeKey, detail));
      entries.push({ method: routeKey.slice(0, space), parts, value: owner });
    }
  }
  const table = new RouteTable(entries);
  return async (request) => {
    const path = request.url.split('?', 1)[0];
    // With no match and no `$default` anywhere, any API answers API Gateway's own 404 (and traces it).
    const owner = table.match(request.method.toUpperCase(), path)?.value ?? fallback ?? apis[0];
    return owner ? owner.api.handle(request) : NOT_FOUND;
  };
}
