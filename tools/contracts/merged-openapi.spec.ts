import { mergeApiDocuments } from './merged-openapi';

const options = { title: 'harbor REST API', description: 'merged', serverUrl: 'http://127.0.0.1:3000' };
const problem = { type: 'object', properties: { title: { type: 'string' } } };
const document = (path: string, extra: Record<string, unknown> = {}) => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  security: [{ cognito: [] }],
  paths: {
    [path]: {
      get: { operationId: path, responses: {}, 'x-amazon-apigateway-integration': { uri: '${lambda_invoke_arns.f}' } },
    },
  },
  components: { schemas: { Problem: problem, ...extra }, 'x-amazon-apigateway-integrations': { f: {} } },
});

describe('mergeApiDocuments', () => {
  it("puts every service's paths on one API, keeps each default security on its operations and drops the gateway extensions", () => {
    const merged = mergeApiDocuments(
      [
        { service: 'orders', file: 'apps/orders/api/openapi.yaml', document: document('/orders') },
        {
          service: 'billing',
          file: 'apps/billing/api/openapi.yaml',
          document: { ...document('/invoices'), security: undefined },
        },
      ],
      options,
    );
    expect(merged['paths']).toEqual({
      '/invoices': { get: { operationId: '/invoices', responses: {}, 'x-harbor-service': 'billing' } },
      '/orders': {
        get: { operationId: '/orders', responses: {}, security: [{ cognito: [] }], 'x-harbor-service': 'orders' },
      },
    });
    expect(merged['components']).toEqual({ schemas: { Problem: problem } });
  });

  it('refuses a path two services declare', () => {
    const documents = [
      { service: 'orders', file: 'apps/orders/api/openapi.yaml', document: document('/orders') },
      { service: 'billing', file: 'apps/billing/api/openapi.yaml', document: document('/orders') },
    ];
    expect(() => mergeApiDocuments(documents, options)).toThrow(
      'apps/billing/api/openapi.yaml: path /orders is also declared by apps/orders/api/openapi.yaml',
    );
  });

  it('refuses a component two services define differently under one name', () => {
    const documents = [
      {
        service: 'orders',
        file: 'apps/orders/api/openapi.yaml',
        document: document('/orders', { Money: { type: 'integer' } }),
      },
      {
        service: 'billing',
        file: 'apps/billing/api/openapi.yaml',
        document: document('/invoices', { Money: { type: 'string' } }),
      },
    ];
    expect(() => mergeApiDocuments(documents, options)).toThrow(
      /components\.schemas\.Money differs from the one in apps\/orders\/api\/openapi\.yaml/,
    );
  });
});
