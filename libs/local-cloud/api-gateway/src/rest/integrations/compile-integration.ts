import type { Invoker } from '@harbor/local-cloud-lambda';
import {
  functionIdFromUri,
  invalidDefinition,
  isRecord,
  stringOrUndefined,
  unknownFunction,
  unsupported,
  type DefinitionLocation,
  type JsonRecord,
} from '../../core';
import type { AwsServiceDispatcher } from '../aws-services/aws-service-dispatcher';
import type { StageSpec } from '../rest-api.types';
import { awsServiceIntegration, parseAwsServiceUri } from './aws-service.integration';
import type { BinaryMediaTypes } from './binary-media-types';
import { httpIntegration } from './http.integration';
import { DEFAULT_TIMEOUT_MS, type Integration } from './integration';
import { IntegrationResponses } from './integration-responses';
import { lambdaProxyIntegration } from './lambda-proxy.integration';
import { mockIntegration } from './mock.integration';
import { compileRequestMapping } from './request-mapping';
import { compileRequestParameters, mappedPathNames } from './request-parameters';
import { compileStageVariableTemplate, type StageVariableTemplate } from './stage-variable-template';

export interface IntegrationDependencies {
  readonly invoker: Invoker;
  readonly awsServices: AwsServiceDispatcher | undefined;
  readonly binaryMediaTypes: BinaryMediaTypes;
  readonly stages: readonly StageSpec[];
}

const KNOWN_KEYS = new Set([
  'type',
  'uri',
  'httpMethod',
  'credentials',
  'requestParameters',
  'requestTemplates',
  'passthroughBehavior',
  'responses',
  'timeoutInMillis',
  'cacheKeyParameters',
  'cacheNamespace',
  'connectionType',
  'tlsConfig',
  'description',
]);

const timeoutOf = (integration: JsonRecord, location: DefinitionLocation): number => {
  if (integration['timeoutInMillis'] === undefined) return DEFAULT_TIMEOUT_MS;
  const timeout = Number(integration['timeoutInMillis']);
  if (!Number.isInteger(timeout) || timeout < 50)
    throw invalidDefinition(
      location,
      'timeoutInMillis',
      `${String(integration['timeoutInMillis'])} must be an integer of at least 50`,
    );
  return timeout;
};

/** Every stage's variables must give the URI what it names, or API Gateway could not call it. */
const checkStageVariables = (
  uri: StageVariableTemplate,
  stages: readonly StageSpec[],
  location: DefinitionLocation,
): void => {
  for (const stage of stages) {
    const missing = uri.names.filter((name) => stage.variables?.[name] === undefined);
    if (missing.length > 0)
      throw invalidDefinition(
        location,
        'stage variables',
        `stage ${stage.name} has no ${missing.join(', ')} for the integration uri`,
      );
  }
};

const lambdaProxy = (
  integration: JsonRecord,
  uri: StageVariableTemplate,
  location: DefinitionLocation,
  deps: IntegrationDependencies,
): Integration => {
  if (String(integration['httpMethod'] ?? 'POST').toUpperCase() !== 'POST') {
    throw invalidDefinition(
      location,
      'aws_proxy httpMethod',
      'Lambda is invoked with POST; any other httpMethod fails every request in API Gateway',
    );
  }
  checkStageVariables(uri, deps.stages, location);
  for (const stage of deps.stages) {
    const functionId = functionIdFromUri(uri.render(stage.variables ?? {}));
    if (!deps.invoker.has(functionId)) {
      throw unknownFunction(location, 'aws_proxy integration', functionId);
    }
  }
  return lambdaProxyIntegration({
    uri,
    timeoutMs: timeoutOf(integration, location),
    invoker: deps.invoker,
    binaryMediaTypes: deps.binaryMediaTypes,
  });
};

const http = (
  integration: JsonRecord,
  uri: StageVariableTemplate,
  proxy: boolean,
  location: DefinitionLocation,
  deps: IntegrationDependencies,
): Integration => {
  checkStageVariables(uri, deps.stages, location);
  const sample = uri.render(deps.stages[0]?.variables ?? {});
  if (!/^https?:\/\/[^/]/.test(sample))
    throw invalidDefinition(location, `${proxy ? 'http_proxy' : 'http'} uri`, `${sample} is not an http(s) URL`);
  const mapped = mappedPathNames(integration);
  for (const [, name] of sample.matchAll(/\{([A-Za-z0-9._-]+)\+?\}/g)) {
    if (!mapped.has(name))
      throw invalidDefinition(
        location,
        'http uri',
        `{${name}} has no integration.request.path.${name} in requestParameters`,
      );
  }
  const httpMethod = stringOrUndefined(integration['httpMethod'])?.toUpperCase();
  if (!httpMethod) throw invalidDefinition(location, 'http integration', 'httpMethod is required');
  return httpIntegration({
    proxy,
    uri,
    httpMethod,
    timeoutMs: timeoutOf(integration, location),
    requestParameters: compileRequestParameters(integration, location),
    ...(proxy
      ? {}
      : {
          requestMapping: compileRequestMapping(integration, location),
          responses: new IntegrationResponses(integration['responses'], location),
        }),
  });
};

/** Compiles `x-amazon-apigateway-integration`; anything not emulated stops start-up naming file, route and feature. */
export const compileIntegration = (
  raw: unknown,
  location: DefinitionLocation,
  deps: IntegrationDependencies,
): Integration => {
  if (!isRecord(raw))
    throw invalidDefinition(location, 'x-amazon-apigateway-integration', 'the method has no integration');
  for (const key of Object.keys(raw)) {
    if (key === 'contentHandling') throw unsupported(location, 'contentHandling', 'payload conversion is not emulated');
    if (!KNOWN_KEYS.has(key)) throw unsupported(location, `integration property ${key}`, 'not emulated');
  }
  if (raw['connectionType'] !== undefined && String(raw['connectionType']).toUpperCase() !== 'INTERNET') {
    throw unsupported(location, `connectionType ${String(raw['connectionType'])}`, 'VPC links are not emulated');
  }
  const type = String(raw['type'] ?? '').toLowerCase();
  const rawUri = stringOrUndefined(raw['uri']) ?? '';
  const uri = compileStageVariableTemplate(rawUri);
  switch (type) {
    case 'aws_proxy':
      if (rawUri.trim() === '') throw invalidDefinition(location, 'aws_proxy integration', 'uri is required');
      return lambdaProxy(raw, uri, location, deps);
    case 'mock':
      return mockIntegration(
        compileRequestMapping(raw, location),
        new IntegrationResponses(raw['responses'], location),
      );
    case 'http':
    case 'http_proxy':
      return http(raw, uri, type === 'http_proxy', location, deps);
    case 'aws': {
      const target = parseAwsServiceUri(uri.render({}), location);
      if (!deps.awsServices)
        throw invalidDefinition(location, 'aws integration', 'createRestApi was given no awsServices dispatcher');
      const credentials = stringOrUndefined(raw['credentials']);
      if (!credentials)
        throw invalidDefinition(
          location,
          'aws integration',
          'credentials (the role API Gateway assumes) are required to call SNS',
        );
      return awsServiceIntegration({
        target,
        credentials,
        timeoutMs: timeoutOf(raw, location),
        requestMapping: compileRequestMapping(raw, location),
        requestParameters: compileRequestParameters(raw, location),
        responses: new IntegrationResponses(raw['responses'], location),
        dispatch: deps.awsServices,
      });
    }
    default:
      throw unsupported(
        location,
        `integration type ${String(raw['type'])}`,
        'API Gateway REST integrations are aws_proxy, aws, mock, http and http_proxy',
      );
  }
};
