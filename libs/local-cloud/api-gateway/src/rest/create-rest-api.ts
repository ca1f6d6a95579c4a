import { SecurityCompiler } from './auth/compile-security';
import { invalidDefinition, isRecord, resolvePlaceholders, stableId, stringOrUndefined } from '../core';
import { checkDocument } from './definition/operations';
import { RefResolver } from './definition/refs';
import { BinaryMediaTypes } from './integrations/binary-media-types';
import { compileRoutes } from './pipeline/compile-routes';
import { RequestPipeline } from './pipeline/request-pipeline';
import { StageRouter } from './pipeline/stage-router';
import { GatewayResponses } from './responses/gateway-responses';
import type { CreateRestApiOptions, RestApi, RouteSummary } from './rest-api.types';
import { StageThrottles } from './throttling/stage-throttles';
import { UsagePlans } from './throttling/usage-plans';

/**
 * Builds a local API Gateway REST API (v1) from an OpenAPI document with `x-amazon-apigateway-*` extensions.
 * Everything is resolved, checked and compiled here (placeholders, routes, authorizers, validators, VTL
 * templates); anything API Gateway would do that is not emulated throws a `GatewayDefinitionError` naming the
 * file, the route and the feature. `handle` then serves requests as the deployed stages would.
 */
export const createRestApi = (options: CreateRestApiOptions): RestApi => {
  const file = options.sourceFile;
  const resolved = resolvePlaceholders(options.openapi, options.resolve, file);
  if (!isRecord(resolved)) throw invalidDefinition({ file }, 'document', 'the OpenAPI document must be an object');
  checkDocument(resolved, file);
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const apiId = options.apiId ?? stableId(`rest-api:${options.name}`, 10);
  const clock = options.clock ?? Date.now;
  const stages = new StageRouter(options.stages, file);
  const binaryTypes = resolved['x-amazon-apigateway-binary-media-types'] ?? [];
  if (!Array.isArray(binaryTypes))
    throw invalidDefinition({ file }, 'x-amazon-apigateway-binary-media-types', 'must be a list of media types');
  const apiKeySource = (stringOrUndefined(resolved['x-amazon-apigateway-api-key-source']) ?? 'HEADER').toUpperCase();
  if (apiKeySource !== 'HEADER' && apiKeySource !== 'AUTHORIZER') {
    throw invalidDefinition(
      { file },
      'x-amazon-apigateway-api-key-source',
      `${apiKeySource} is not HEADER or AUTHORIZER`,
    );
  }
  const refs = new RefResolver(resolved, file);
  const security = new SecurityCompiler({
    document: resolved,
    invoker: options.invoker,
    authenticator: options.authenticator,
    region,
    clock,
    file,
  });
  const { trie, routes } = compileRoutes({
    document: resolved,
    file,
    apiId,
    refs,
    security,
    integrations: {
      invoker: options.invoker,
      awsServices: options.awsServices,
      binaryMediaTypes: new BinaryMediaTypes(binaryTypes.map(String)),
      stages: options.stages,
    },
  });
  const pipeline = new RequestPipeline({
    apiName: options.name,
    api: { apiId, accountId, region },
    trie,
    stages,
    gatewayResponses: new GatewayResponses(resolved['x-amazon-apigateway-gateway-responses'], file),
    usagePlans: new UsagePlans(options.apiKeys ?? [], options.usagePlans ?? [], stages.names, file),
    stageThrottles: new StageThrottles(options.stages, file),
    apiKeySource,
    trace: options.trace,
    clock,
  });
  const summaries: readonly RouteSummary[] = routes.map((route) => route.summary);
  return {
    name: options.name,
    apiId,
    stageNames: stages.names,
    handle: (request) => pipeline.handle(request),
    routes: () => summaries.map((summary) => ({ ...summary })),
  };
};
