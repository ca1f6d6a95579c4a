import type { LocalIssuer } from '@harbor/local-cloud-auth';
import {
  createRestApi,
  queryProtocolDispatcher,
  type GatewayRequest,
  type GatewayResponse,
  type RestApi,
} from '@harbor/local-cloud-api-gateway';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { LocalSns } from '@harbor/local-cloud-messaging';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { relative } from 'node:path';
import { localAuthenticator } from './authenticator';
import { placeholderResolver } from './placeholders';
import type { ResourceNaming } from './resource-names';

export interface RestApisDependencies {
  readonly workspaceRoot: string;
  readonly naming: ResourceNaming;
  readonly invoker: Invoker;
  readonly sns: LocalSns;
  readonly issuer: LocalIssuer;
  readonly trace: TraceRecorder;
  /** The local API key's value (config `apiKey`). */
  readonly apiKey: string;
}

/**
 * One REST API per service that has an openapi.yaml, each as Terraform deploys it, stage `local`. Each gets one
 * API key (`apiKey`) in a usage plan on its stage, as Terraform gives each API a key and plan for its callers, so
 * routes that require a key (`security: [{ api_key: [] }]`) answer 403 without it, as in AWS.
 */
export function createRestApis(services: readonly ServiceDefinition[], deps: RestApisDependencies): RestApi[] {
  const awsServices = queryProtocolDispatcher({ sns: deps.sns });
  const authenticator = localAuthenticator(deps.issuer, deps.naming.region);
  return services.flatMap((service) => {
    const name = `harbor-${deps.naming.env}-${service.name}`;
    return service.openapi
      ? [
          createRestApi({
            name,
            openapi: service.openapi,
            sourceFile: relative(deps.workspaceRoot, `${service.directory}/api/openapi.yaml`),
            resolve: placeholderResolver(service, deps.naming, deps.issuer),
            invoker: deps.invoker,
            stages: [{ name: deps.naming.env, default: true }],
            awsServices,
            authenticator,
            trace: deps.trace,
            region: deps.naming.region,
            accountId: deps.naming.accountId,
            apiKeys: [{ name: `${name}-local-key`, value: deps.apiKey }],
            usagePlans: [
              { name: `${name}-local-plan`, apiKeys: [`${name}-local-key`], stages: [{ stage: deps.naming.env }] },
            ],
          }),
        ]
      : [];
  });
}

/**
 * All services' REST APIs on one port, as one custom domain with a base path mapping per API would serve
 * them: a request goes to the API that declares its resource; none declares it, the first answers (with
 * API Gateway's own 403 Missing Authentication Token).
 */
export function restApiDispatcher(apis: readonly RestApi[]): (request: GatewayRequest) => Promise<GatewayResponse> {
  const matchers = apis.map((api) => ({ api, patterns: api.routes().map((route) => routePattern(route.path)) }));
  const stagePrefix = new RegExp(
    `^/(?:${[...new Set(apis.flatMap((api) => api.stageNames))].map(escape).join('|')})(?=/|$)`,
  );
  return (request) => {
    const path = request.url.split('?', 1)[0].replace(stagePrefix, '') || '/';
    const owner = matchers.find(({ patterns }) => patterns.some((pattern) => pattern.test(path)))?.api ?? apis[0];
    return owner.handle(request);
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function routePattern(resourcePath: string): RegExp {
  const source = resourcePath
    .split('/')
    .map((part) => (/^\{.+\+\}$/.test(part) ? '.+' : /^\{.+\}$/.test(part) ? '[^/]+' : escape(part)))
    .join('/');
  return new RegExp(`^${source}/?$`);
}
