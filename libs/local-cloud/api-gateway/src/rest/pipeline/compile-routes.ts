import type { SecurityCompiler } from '../auth/compile-security';
import { invalidDefinition, isRecord, recordOrEmpty, stableId, stringOrUndefined, type JsonRecord } from '../../core';
import { listOperations } from '../definition/operations';
import type { RefResolver } from '../definition/refs';
import { compileIntegration, type IntegrationDependencies } from '../integrations/compile-integration';
import { RouteTrie } from '../routing/route-trie';
import { compileRequestValidator, parametersOf, type ValidatorSettings } from '../validation/request-validator';
import type { CompiledRoute } from './compiled-route';

export interface RouteCompilation {
  readonly document: JsonRecord;
  readonly file: string;
  readonly apiId: string;
  readonly refs: RefResolver;
  readonly security: SecurityCompiler;
  readonly integrations: IntegrationDependencies;
}

const validatorsOf = (document: JsonRecord, file: string): Map<string, ValidatorSettings> => {
  const validators = new Map<string, ValidatorSettings>();
  for (const [name, spec] of Object.entries(recordOrEmpty(document['x-amazon-apigateway-request-validators']))) {
    if (!isRecord(spec))
      throw invalidDefinition(
        { file, route: `x-amazon-apigateway-request-validators.${name}` },
        'request validator',
        'must be an object',
      );
    validators.set(name, {
      name,
      validateRequestBody: spec['validateRequestBody'] === true,
      validateRequestParameters: spec['validateRequestParameters'] === true,
    });
  }
  return validators;
};

/** Compiles every operation into the resource tree: authorizer, validator and integration, each once. */
export const compileRoutes = ({
  document,
  file,
  apiId,
  refs,
  security,
  integrations,
}: RouteCompilation): { trie: RouteTrie<CompiledRoute>; routes: CompiledRoute[] } => {
  const trie = new RouteTrie<CompiledRoute>();
  const routes: CompiledRoute[] = [];
  const validators = validatorsOf(document, file);
  const defaultValidator = stringOrUndefined(document['x-amazon-apigateway-request-validator']);
  for (const { resourcePath, method, pathItem, operation } of listOperations(document, file)) {
    const location = { file, route: `${method} ${resourcePath}` };
    const problem = (detail: string): Error => invalidDefinition(location, 'route', detail);
    const methodSecurity = security.compile(operation, location);
    const validatorName = stringOrUndefined(operation['x-amazon-apigateway-request-validator']) ?? defaultValidator;
    const validatorSettings = validatorName === undefined ? undefined : validators.get(validatorName);
    if (validatorName !== undefined && !validatorSettings) {
      throw invalidDefinition(
        location,
        'x-amazon-apigateway-request-validator',
        `${validatorName} is not in x-amazon-apigateway-request-validators`,
      );
    }
    const validate = validatorSettings
      ? compileRequestValidator(validatorSettings, parametersOf(pathItem, operation, refs), operation, refs, (detail) =>
          invalidDefinition(location, 'request model', detail),
        )
      : undefined;
    const integration = compileIntegration(operation['x-amazon-apigateway-integration'], location, integrations);
    const operationId = stringOrUndefined(operation['operationId']);
    const route: CompiledRoute = {
      resourcePath,
      resourceId: stableId(`${apiId}${resourcePath}`, 6),
      authorizer: methodSecurity.authorizer,
      apiKeyRequired: methodSecurity.apiKeyRequired,
      validate,
      integration,
      summary: {
        method,
        path: resourcePath,
        integration: integration.type,
        target: integration.target,
        authorization: methodSecurity.authorization,
        ...(methodSecurity.authorizer ? { authorizerName: methodSecurity.authorizer.name } : {}),
        apiKeyRequired: methodSecurity.apiKeyRequired,
        ...(validatorName ? { requestValidator: validatorName } : {}),
        ...(operationId ? { operationId } : {}),
      },
    };
    trie.add(resourcePath, method, route, problem);
    routes.push(route);
  }
  return { trie, routes };
};
