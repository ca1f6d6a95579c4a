import { createRestApi } from './create-rest-api';
import { GatewayDefinitionError } from '../core';
import { FakeAuthenticator } from '../../test/rest/support/fake-authenticator';
import { FakeInvoker } from '@harbor/local-cloud-lambda/testing';
import { fixtureResolver } from '../../test/rest/support/fixtures';
import { bodyJson, httpRequest } from '../../test/rest/support/requests';
import { createShopApi } from '../../test/rest/support/shop-api';

const mock = {
  type: 'mock',
  requestTemplates: { 'application/json': '{"statusCode": 200}' },
  responses: { default: { statusCode: '200' } },
};

const build = (document: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  createRestApi({
    name: 'probe',
    openapi: { openapi: '3.0.1', info: { title: 'probe', version: '1' }, ...document },
    sourceFile: 'apps/probe/api/openapi.yaml',
    resolve: fixtureResolver(),
    invoker: new FakeInvoker().on('shop.known', () => ({ statusCode: 200 })),
    authenticator: new FakeAuthenticator(),
    stages: [{ name: 'dev' }],
    ...extra,
  });

const startUpError = (
  document: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): GatewayDefinitionError => {
  try {
    build(document, extra);
  } catch (error) {
    if (error instanceof GatewayDefinitionError) return error;
    throw error;
  }
  throw new Error('createRestApi accepted the document');
};

describe('createRestApi routing', () => {
  it('answers 403 Missing Authentication Token for unknown resources, methods and stages', async () => {
    const api = build({ paths: { '/things/{id}': { get: { 'x-amazon-apigateway-integration': mock } } } });
    for (const [method, url] of [
      ['GET', '/dev/nothing'],
      ['POST', '/dev/things/1'],
      ['GET', '/prod/things/1'],
      ['GET', '/things/1'],
      ['GET', '/dev/things'],
    ]) {
      const response = await api.handle(httpRequest(method, url));
      expect(response.status).toBe(403);
      expect(bodyJson(response)).toEqual({ message: 'Missing Authentication Token' });
    }
    expect((await api.handle(httpRequest('GET', '/dev/things/1/'))).status).toBe(200);
  });

  it('lists its routes for the console', () => {
    const { api } = createShopApi();
    expect(api.stageNames).toEqual(['v1', 'v2']);
    expect(api.routes()).toEqual(
      expect.arrayContaining([
        {
          method: 'GET',
          path: '/items/{itemId}',
          integration: 'aws_proxy',
          target: 'shop.getItem',
          authorization: 'NONE',
          apiKeyRequired: false,
          operationId: 'getItem',
        },
        expect.objectContaining({ method: 'POST', path: '/items', target: 'shop.createItem', requestValidator: 'all' }),
        expect.objectContaining({ method: 'ANY', path: '/files/{proxy+}', integration: 'aws_proxy' }),
        expect.objectContaining({ method: 'POST', path: '/notify', integration: 'aws', target: 'sns:Publish' }),
        expect.objectContaining({
          method: 'ANY',
          path: '/backend/{proxy+}',
          integration: 'http_proxy',
          target: 'http://127.0.0.1:9/api/{proxy}',
        }),
        expect.objectContaining({ method: 'OPTIONS', path: '/items', integration: 'mock', target: 'mock' }),
      ]),
    );
  });
});

describe('createRestApi start-up checks', () => {
  const route = (operation: Record<string, unknown>) => ({ paths: { '/x': { post: operation } } });

  it.each<[string, Record<string, unknown>, string, Record<string, unknown>?]>([
    [
      'an integration type',
      route({ 'x-amazon-apigateway-integration': { type: 'lambda', uri: 'x' } }),
      'integration type lambda',
    ],
    [
      'a service other than SNS',
      route({
        'x-amazon-apigateway-integration': {
          type: 'aws',
          uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
          credentials: 'r',
        },
      }),
      'aws integration to dynamodb',
    ],
    [
      'a VTL function',
      route({
        'x-amazon-apigateway-integration': {
          ...mock,
          requestTemplates: { 'application/json': '$util.toJson($input.body)' },
        },
      }),
      '$util.toJson',
    ],
    [
      'a VTL directive',
      route({
        'x-amazon-apigateway-integration': { ...mock, requestTemplates: { 'application/json': '#macro(a)b#end' } },
      }),
      '#macro',
    ],
    [
      'an authorizer type',
      {
        ...route({ security: [{ jwtAuth: [] }], 'x-amazon-apigateway-integration': mock }),
        components: {
          securitySchemes: { jwtAuth: { type: 'oauth2', 'x-amazon-apigateway-authorizer': { type: 'jwt' } } },
        },
      },
      'authorizer jwtAuth (jwt)',
    ],
    [
      'a security scheme without API Gateway authorizer',
      {
        ...route({ security: [{ oidc: [] }], 'x-amazon-apigateway-integration': mock }),
        components: { securitySchemes: { oidc: { type: 'openIdConnect' } } },
      },
      'authorizer oidc (openIdConnect)',
    ],
    [
      'alternative security requirements',
      { ...route({ security: [{ a: [] }, { b: [] }], 'x-amazon-apigateway-integration': mock }) },
      'alternative security requirements',
    ],
    [
      'payload conversion',
      route({ 'x-amazon-apigateway-integration': { ...mock, contentHandling: 'CONVERT_TO_TEXT' } }),
      'contentHandling',
    ],
    [
      'a method extension',
      route({ 'x-amazon-apigateway-integration': mock, 'x-amazon-apigateway-request-validators': {} }),
      'x-amazon-apigateway-request-validators',
    ],
    [
      'a VPC link',
      route({
        'x-amazon-apigateway-integration': {
          type: 'http_proxy',
          uri: 'http://h/x',
          httpMethod: 'GET',
          connectionType: 'VPC_LINK',
        },
      }),
      'connectionType VPC_LINK',
    ],
  ])('fails on %s, naming the file, the route and the feature', (_case, document, feature) => {
    const error = startUpError(document);
    expect(error.code).toBe('GATEWAY.UNSUPPORTED_FEATURE');
    expect(error.file).toBe('apps/probe/api/openapi.yaml');
    expect(error.route).toBe('POST /x');
    expect(error.feature).toContain(feature);
    expect(error.message).toContain('apps/probe/api/openapi.yaml (POST /x)');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a function the runtime does not know',
      route({
        'x-amazon-apigateway-integration': {
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: '${lambda_invoke_arns.ghost}',
        },
      }),
      'GATEWAY.UNKNOWN_FUNCTION',
      'function shop.ghost',
    ],
    [
      'a placeholder without local value',
      route({ 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: '${nothing.here}' } }),
      'GATEWAY.UNRESOLVED_PLACEHOLDER',
      '${nothing.here}',
    ],
    [
      'a Lambda integration called with GET',
      route({
        'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'GET', uri: '${lambda_invoke_arns.known}' },
      }),
      'GATEWAY.INVALID_DEFINITION',
      'POST',
    ],
    [
      'an undefined request validator',
      route({ 'x-amazon-apigateway-request-validator': 'strict', 'x-amazon-apigateway-integration': mock }),
      'GATEWAY.INVALID_DEFINITION',
      'strict',
    ],
    [
      'a resource policy',
      { 'x-amazon-apigateway-policy': {}, paths: {} },
      'GATEWAY.UNSUPPORTED_FEATURE',
      'resource policies',
    ],
    ['a Swagger 2 document', { swagger: '2.0', paths: {} }, 'GATEWAY.UNSUPPORTED_FEATURE', 'Swagger 2.0'],
    [
      'sibling path variables with different names',
      {
        paths: {
          '/a/{id}': { get: { 'x-amazon-apigateway-integration': mock } },
          '/a/{key}/b': { get: { 'x-amazon-apigateway-integration': mock } },
        },
      },
      'GATEWAY.INVALID_DEFINITION',
      'variable path part',
    ],
  ])('fails on %s', (_case, document, code, text) => {
    const error = startUpError(document);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  it('fails on an aws integration when no AWS service dispatcher was given', () => {
    const error = startUpError(
      route({
        'x-amazon-apigateway-integration': {
          type: 'aws',
          uri: 'arn:aws:apigateway:us-east-1:sns:action/Publish',
          credentials: 'role',
        },
      }),
    );
    expect(error.message).toContain('no awsServices dispatcher');
  });
});

describe('stage variables in integration URIs', () => {
  const document = {
    paths: {
      '/x': {
        get: {
          'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: '$${stageVariables.fn}' },
        },
      },
    },
  };

  it('invokes the function each stage names', async () => {
    const invoker = new FakeInvoker()
      .on('shop.blue', () => ({ statusCode: 200, body: 'blue' }))
      .on('shop.green', () => ({ statusCode: 200, body: 'green' }));
    const api = build(document, {
      invoker,
      stages: [
        { name: 'blue', variables: { fn: 'shop.blue' } },
        { name: 'green', variables: { fn: 'shop.green' } },
      ],
    });
    expect((await api.handle(httpRequest('GET', '/blue/x'))).body).toBe('blue');
    expect((await api.handle(httpRequest('GET', '/green/x'))).body).toBe('green');
    expect(api.routes()[0].target).toBe('${stageVariables.fn}');
  });

  it('fails at start-up when a stage lacks the variable or names an unknown function', () => {
    expect(() => build(document, { stages: [{ name: 'dev' }] })).toThrow('stage dev has no fn');
    expect(() => build(document, { stages: [{ name: 'dev', variables: { fn: 'shop.nope' } }] })).toThrow(
      'function shop.nope is not known',
    );
  });
});
