import { formatFiles, generateFiles, names, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { afterwards, regenerateAccess } from '../access-callback';
import { regenerateContracts } from '../contracts-callback';
import { addEntry, apiFile, readDeclaration, requireService, writeDeclaration } from '../declarations';
import { ServiceGeneratorError } from '../service/service-generator.error';

export interface RouteGeneratorSchema {
  readonly service: string;
  /** Function key and operationId, camelCase (listItems). */
  readonly name: string;
  readonly method?: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Default /<service>/<name in kebab case>; `{param}` segments become path parameters. */
  readonly path?: string;
}

const FUNCTION_KEY = /^[a-z][A-Za-z0-9]*$/;
const ROUTE_PATH = /^(\/([A-Za-z0-9._-]+|\{[A-Za-z][A-Za-z0-9]*\}))+$/;
const DEFAULT_BUDGET_KIB = 920;

/** An object of strings as a TypeScript literal in the repository's quote style. */
const quoted = (value: Record<string, string>) =>
  `{ ${Object.entries(value)
    .map(([key, text]) => `${key}: '${text}'`)
    .join(', ')} }`.replace('{  }', '{}');

/**
 * `npx nx g @harbor/tools:route <service> <name>`: a REST route on the service's openapi.yaml (Lambda proxy, the
 * document's Cognito authorizer), its function in functions.yaml, a Middy handler with its test, and a budget.
 * The callback regenerates docs/contracts, whose merged OpenAPI lists the route.
 */
export async function routeGenerator(tree: Tree, options: RouteGeneratorSchema): Promise<GeneratorCallback> {
  requireService(tree, options.service);
  if (!FUNCTION_KEY.test(options.name))
    throw new ServiceGeneratorError(
      `route name "${options.name}" must be camelCase (it is the function key and operationId)`,
    );
  const method = options.method ?? 'get';
  const { fileName } = names(options.name);
  const path = options.path ?? `/${options.service}/${fileName}`;
  if (!ROUTE_PATH.test(path))
    throw new ServiceGeneratorError(`route path "${path}" must be /segments, with {param} for path parameters`);
  const openapiPath = apiFile(options.service, 'openapi.yaml');
  if (!tree.exists(openapiPath))
    throw new ServiceGeneratorError(
      `service "${options.service}" has no ${openapiPath}: routes are added to its REST API`,
    );
  const handlerFile = `apps/${options.service}/src/${fileName}.handler.ts`;
  if (tree.exists(handlerFile)) throw new ServiceGeneratorError(`${handlerFile} exists already`);

  const parameters = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const openapi = readDeclaration(tree, openapiPath);
  if (openapi.hasIn(['paths', path, method]))
    throw new ServiceGeneratorError(`${openapiPath}: ${method.toUpperCase()} ${path} exists already`);
  const operation = {
    operationId: options.name,
    summary: `${method.toUpperCase()} ${path}`,
    ...(parameters.length > 0
      ? { parameters: parameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })) }
      : {}),
    responses: { '200': { description: 'OK' }, '400': { $ref: '#/components/responses/Problem' } },
    'x-amazon-apigateway-integration': {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: `\${lambda_invoke_arns.${options.name}}`,
      passthroughBehavior: 'when_no_match',
    },
  };
  if (openapi.hasIn(['paths', path])) openapi.setIn(['paths', path, method], openapi.createNode(operation));
  else addEntry(openapi, openapiPath, 'paths', path, { [method]: operation });

  const functionsPath = apiFile(options.service, 'functions.yaml');
  const functions = readDeclaration(tree, functionsPath);
  addEntry(functions, functionsPath, 'functions', options.name, {
    handler: `src/${fileName}.handler.ts`,
    description: `${method.toUpperCase()} ${path}`,
    memoryMb: 256,
    timeoutSeconds: 5,
  });

  writeDeclaration(tree, openapiPath, openapi);
  writeDeclaration(tree, functionsPath, functions);
  const example = Object.fromEntries(parameters.map((name) => [name, `${name}-1`]));
  generateFiles(tree, join(__dirname, 'files'), `apps/${options.service}`, {
    tmpl: '',
    service: options.service,
    functionKey: options.name,
    fileName,
    method: method.toUpperCase(),
    path,
    examplePath: path.replace(/\{([^}]+)\}/g, (_, name: string) => example[name]),
    pathParameters: parameters.length > 0 ? quoted(example) : 'undefined',
    expectedPathParameters: quoted(example),
  });
  updateJson(tree, 'tools/bench/bundle-budgets.json', (budgets) => ({
    ...budgets,
    [options.service]: { ...budgets[options.service], [options.name]: { maxMinifiedKiB: DEFAULT_BUDGET_KIB } },
  }));
  // Generated code passes the workspace's format check (lint) as written by hand does.
  await formatFiles(tree);
  return afterwards(regenerateContracts(tree), regenerateAccess(tree));
}

export default routeGenerator;
