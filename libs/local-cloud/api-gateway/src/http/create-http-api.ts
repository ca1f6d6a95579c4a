import { invalidDefinition, isRecord, resolvePlaceholders, stableId } from '../core';
import { compileCors } from './definition/compile-cors';
import { compileRoutes } from './definition/compile-routes';
import { checkDocument } from './definition/operations';
import type { CreateHttpApiOptions, HttpApi, HttpApiRouteSummary } from './http-api.types';
import { HttpApiPipeline } from './pipeline/http-api-pipeline';

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Builds a local API Gateway HTTP API (v2) from an OpenAPI 3 document: Lambda proxy routes with payload format
 * 1.0 and 2.0, JWT and Lambda authorizers, and CORS. Placeholders, routes, integrations and authorizers are resolved and checked here;
 * what is not emulated throws a `GatewayDefinitionError` naming the file, the route and the feature.
 */
export const createHttpApi = (options: CreateHttpApiOptions): HttpApi => {
  const file = options.sourceFile;
  const document = resolvePlaceholders(options.openapi, options.resolve, file);
  if (!isRecord(document)) throw invalidDefinition({ file }, 'document', 'the OpenAPI document must be an object');
  checkDocument(document, file);
  const stage = options.stage ?? '$default';
  if (stage !== '$default' && !STAGE_NAME.test(stage))
    throw invalidDefinition({ file }, `stage ${stage}`, 'a stage name is $default or 1-128 letters, digits, - and _');
  const apiId = options.apiId ?? stableId(`http-api:${options.name}`, 10);
  const clock = options.clock ?? Date.now;
  const routes = compileRoutes(document, file, options.invoker, options.jwks, clock);
  const pipeline = new HttpApiPipeline({
    apiName: options.name,
    api: {
      apiId,
      accountId: options.accountId ?? '123456789012',
      region: options.region ?? 'us-east-1',
      stage,
      stageVariables: options.stageVariables ?? {},
    },
    routes,
    cors: compileCors(document, file),
    invoker: options.invoker,
    trace: options.trace,
    clock,
  });
  const summaries: HttpApiRouteSummary[] = routes.routes.map((route) => ({
    routeKey: route.routeKey,
    functionId: route.functionId,
    authorization: route.authorizer ? (route.authorizer.type === 'JWT' ? 'JWT' : 'CUSTOM') : 'NONE',
    ...(route.authorizer ? { authorizerName: route.authorizer.spec.name } : {}),
    scopes: [...route.scopes],
    timeoutMs: route.timeoutMs,
    ...(route.operationId ? { operationId: route.operationId } : {}),
  }));
  return {
    name: options.name,
    apiId,
    stage,
    handle: (request) => pipeline.handle(request),
    routes: () => summaries.map((summary) => ({ ...summary, scopes: [...summary.scopes] })),
  };
};
