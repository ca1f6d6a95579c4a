import { GatewayDefinitionError } from '../core';
import { createHttpApi } from './create-http-api';
import { FakeInvoker } from '@harbor/local-cloud-lambda/testing';
import { fixtureResolver, ISSUER_URL } from '../../test/http/support/fixtures';
import { petsInvoker } from '../../test/http/support/pets-api';

const lambda = (key: string, extra: Record<string, unknown> = {}) => ({
  'x-amazon-apigateway-integration': {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: `\${lambda_invoke_arns.${key}}`,
    payloadFormatVersion: '2.0',
    ...extra,
  },
});
const jwtScheme = (configuration: Record<string, unknown>, type = 'jwt') => ({
  components: {
    securitySchemes: {
      jwt: { type: 'oauth2', 'x-amazon-apigateway-authorizer': { type, jwtConfiguration: configuration } },
    },
  },
});
const documentWith = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: '3.0.1',
  info: { title: 't', version: '1' },
  paths,
  ...extra,
});

// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html: what import refuses.
const requestScheme = (settings: Record<string, unknown>, scopes: string[] = []) =>
  documentWith(
    { '/a': { get: { security: [{ custom: scopes }], ...lambda('listPets') } } },
    {
      components: {
        securitySchemes: {
          custom: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authorizer': {
              type: 'request',
              authorizerUri: '${lambda_invoke_arns.me}',
              authorizerPayloadFormatVersion: '2.0',
              identitySource: '$request.header.Authorization',
              ...settings,
            },
          },
        },
      },
    },
  );
const lambdaAuthorizerRefusals: [string, unknown, string, string][] = [
  [
    'a Lambda authorizer without payload format',
    requestScheme({ authorizerPayloadFormatVersion: undefined }),
    'GATEWAY.INVALID_DEFINITION',
    'authorizerPayloadFormatVersion (missing)',
  ],
  [
    'simple responses with payload 1.0',
    requestScheme({ authorizerPayloadFormatVersion: '1.0', enableSimpleResponses: true }),
    'GATEWAY.INVALID_DEFINITION',
    'enableSimpleResponses',
  ],
  [
    'a cache TTL over 3600 s',
    requestScheme({ authorizerResultTtlInSeconds: 3601 }),
    'GATEWAY.INVALID_DEFINITION',
    'authorizerResultTtlInSeconds',
  ],
  [
    'an identity source API Gateway cannot read',
    requestScheme({ identitySource: '$request.body.token' }),
    'GATEWAY.INVALID_DEFINITION',
    '$request.body.token',
  ],
  [
    'a $context identity source not emulated',
    requestScheme({ identitySource: '$context.authorizer.claims' }),
    'GATEWAY.INVALID_DEFINITION',
    '$context.authorizer.claims is not emulated',
  ],
  [
    'authorizer credentials',
    requestScheme({ authorizerCredentials: 'arn:aws:iam::123456789012:role/invoke' }),
    'GATEWAY.UNSUPPORTED_FEATURE',
    'x-amazon-apigateway-authorizer.authorizerCredentials',
  ],
  [
    'a Lambda authorizer function the runtime does not know',
    requestScheme({ authorizerUri: '${lambda_invoke_arns.ghost}' }),
    'GATEWAY.UNKNOWN_FUNCTION',
    'pets.ghost',
  ],
  [
    'scopes on a route behind a Lambda authorizer',
    requestScheme({}, ['pets/read']),
    'GATEWAY.INVALID_DEFINITION',
    'no scopes',
  ],
];

const build = (openapi: unknown) =>
  createHttpApi({
    name: 'broken',
    openapi,
    sourceFile: 'apps/pets/api/http-api.yaml',
    resolve: fixtureResolver,
    invoker: petsInvoker(),
    jwks: () => ({ keys: [] }),
  });

const failure = (openapi: unknown): GatewayDefinitionError => {
  try {
    build(openapi);
  } catch (error) {
    if (error instanceof GatewayDefinitionError) return error;
    throw error;
  }
  throw new Error('createHttpApi accepted the document');
};

describe('createHttpApi start-up checks', () => {
  it('lists the routes it serves with their function, authorizer and timeout', () => {
    const api = build(
      documentWith(
        {
          '/pets': {
            get: {
              operationId: 'list',
              security: [{ jwt: ['pets/read'] }],
              ...lambda('listPets', { timeoutInMillis: 5000 }),
            },
          },
        },
        jwtScheme({ issuer: ISSUER_URL, audience: ['a'] }),
      ),
    );
    expect(api.routes()).toEqual([
      {
        routeKey: 'GET /pets',
        functionId: 'pets.listPets',
        authorization: 'JWT',
        authorizerName: 'jwt',
        scopes: ['pets/read'],
        timeoutMs: 5000,
        operationId: 'list',
      },
    ]);
    expect(api.stage).toBe('$default');
    expect(api.apiId).toMatch(/^[a-z0-9]{10}$/);
  });

  it.each([
    [
      'an HTTP proxy integration',
      documentWith({
        '/a': {
          get: {
            'x-amazon-apigateway-integration': { type: 'http_proxy', uri: 'http://x', payloadFormatVersion: '1.0' },
          },
        },
      }),
      'GATEWAY.UNSUPPORTED_FEATURE',
      'integration type http_proxy',
    ],
    [
      'a payload format other than 1.0 and 2.0',
      documentWith({ '/a': { get: lambda('listPets', { payloadFormatVersion: '3.0' }) } }),
      'GATEWAY.INVALID_DEFINITION',
      'payloadFormatVersion 3.0',
    ],
    [
      'a function the runtime does not know',
      documentWith({ '/a': { get: lambda('ghost') } }),
      'GATEWAY.UNKNOWN_FUNCTION',
      'pets.ghost',
    ],
    [
      'a placeholder with no local value',
      documentWith({
        '/a': {
          get: {
            'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: '${nowhere}', payloadFormatVersion: '2.0' },
          },
        },
      }),
      'GATEWAY.UNRESOLVED_PLACEHOLDER',
      '${nowhere}',
    ],
    [
      'a timeout above 30 s',
      documentWith({ '/a': { get: lambda('listPets', { timeoutInMillis: 30_001 }) } }),
      'GATEWAY.INVALID_DEFINITION',
      'timeoutInMillis',
    ],
    [
      'an authorizer of another type',
      documentWith({ '/a': { get: { security: [{ jwt: [] }], ...lambda('listPets') } } }, jwtScheme({}, 'token')),
      'GATEWAY.UNSUPPORTED_FEATURE',
      'authorizer type token',
    ],
    ...lambdaAuthorizerRefusals,
    [
      'a JWT authorizer without audience',
      documentWith(
        { '/a': { get: { security: [{ jwt: [] }], ...lambda('listPets') } } },
        jwtScheme({ issuer: ISSUER_URL }),
      ),
      'GATEWAY.INVALID_DEFINITION',
      'audience',
    ],
    [
      'an undefined security scheme',
      documentWith({ '/a': { get: { security: [{ nope: [] }], ...lambda('listPets') } } }),
      'GATEWAY.INVALID_DEFINITION',
      'security scheme nope',
    ],
    [
      'a CORS configuration that is not an object',
      documentWith({ '/a': { get: lambda('listPets') } }, { 'x-amazon-apigateway-cors': ['*'] }),
      'GATEWAY.INVALID_DEFINITION',
      'x-amazon-apigateway-cors',
    ],
    [
      'an operation extension',
      documentWith({ '/a': { get: { 'x-amazon-apigateway-request-validator': 'all', ...lambda('listPets') } } }),
      'GATEWAY.UNSUPPORTED_FEATURE',
      'x-amazon-apigateway-request-validator',
    ],
    [
      'two routes that differ only in variable names',
      documentWith({ '/a/{id}': { get: lambda('listPets') }, '/a/{key}': { get: lambda('getPet') } }),
      'GATEWAY.INVALID_DEFINITION',
      'conflicts with GET /a/{id}',
    ],
    [
      'a method on $default',
      documentWith({ '/$default': { get: lambda('listPets') } }),
      'GATEWAY.INVALID_DEFINITION',
      'x-amazon-apigateway-any-method only',
    ],
    ['Swagger 2.0', { swagger: '2.0', paths: {} }, 'GATEWAY.UNSUPPORTED_FEATURE', 'Swagger 2.0'],
  ])('refuses %s, naming file, route and feature', (_case, document, code, fragment) => {
    const error = failure(document);
    expect(error.code).toBe(code);
    expect(error.message).toContain('apps/pets/api/http-api.yaml');
    expect(error.message).toContain(fragment);
  });

  it('refuses a JWT issuer it has no local keys for', () => {
    const document = documentWith(
      { '/a': { get: { security: [{ jwt: [] }], ...lambda('a') } } },
      jwtScheme({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/pool', audience: ['x'] }),
    );
    const invoker = new FakeInvoker().on('pets.a', () => 'ok');
    expect(() =>
      createHttpApi({
        name: 'n',
        openapi: document,
        sourceFile: 'f.yaml',
        resolve: fixtureResolver,
        invoker,
        jwks: () => undefined,
      }),
    ).toThrow(/securitySchemes\.jwt.*issuer https:\/\/cognito-idp.*no local key set/);
  });
});
