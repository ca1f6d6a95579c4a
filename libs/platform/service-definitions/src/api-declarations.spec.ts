import { stringify } from 'yaml';
import { loadServiceDefinitions } from './load-service-definitions';
import { WebSocketFileSchema } from './schemas/websocket.schema';
import { ServiceDefinitionError } from './service-definition.error';
import { TempWorkspace } from '../test/temp-workspace';

/** The problems loading reports, or a failure if it loads. */
function problemsOf(workspace: TempWorkspace): readonly string[] {
  try {
    loadServiceDefinitions(workspace.root);
  } catch (error) {
    if (error instanceof ServiceDefinitionError) return error.problems;
    throw error;
  }
  throw new Error('expected the declarations to be rejected');
}

const yaml = (value: unknown): string => stringify(value);

const HTTP_API = 'apps/orders/api/http-api.yaml';
const WEBSOCKET = 'apps/orders/api/websocket.yaml';
const FUNCTIONS = 'apps/orders/api/functions.yaml';

const lambda = (key: string) => ({
  type: 'aws_proxy',
  httpMethod: 'POST',
  uri: `\${lambda_invoke_arns.${key}}`,
  payloadFormatVersion: '2.0',
});

const httpApi = () => ({
  openapi: '3.0.1',
  info: { title: 'orders-http', version: '1' },
  paths: {
    '/orders/{orderId}': {
      get: { security: [{ jwt: ['orders/read'] }], 'x-amazon-apigateway-integration': lambda('getOrder') },
    },
    '/orders': {
      post: { 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/place' } },
    },
    $default: { 'x-amazon-apigateway-any-method': { 'x-amazon-apigateway-integration': lambda('listCustomerOrders') } },
  },
  components: {
    securitySchemes: {
      jwt: {
        type: 'oauth2',
        'x-amazon-apigateway-authorizer': {
          type: 'jwt',
          identitySource: '$request.header.Authorization',
          jwtConfiguration: { issuer: '${cognito_issuer_url}', audience: ['${cognito_client_id}'] },
        },
      },
    },
    'x-amazon-apigateway-integrations': { place: lambda('placeOrder') },
  },
});

const websocket = () => ({
  routes: {
    $connect: { function: 'placeOrder' },
    $disconnect: { function: 'getOrder' },
    subscribe: { function: 'listCustomerOrders' },
  },
  authorizer: { function: 'cancelOrder' },
});

describe('http-api.yaml and websocket.yaml', () => {
  let workspace: TempWorkspace;
  beforeEach(() => (workspace = new TempWorkspace()));
  afterEach(() => workspace.remove());

  it('leaves both APIs undefined when the files are absent', () => {
    const [orders] = loadServiceDefinitions(workspace.root);
    expect(orders.httpApi).toBeUndefined();
    expect(orders.websocket).toBeUndefined();
  });

  it("loads the HTTP API as written, placeholders unresolved, and the WebSocket API with the Terraform module's defaults", () => {
    workspace.write('orders', 'http-api', yaml(httpApi())).write('orders', 'websocket', yaml(websocket()));
    const [orders] = loadServiceDefinitions(workspace.root);
    const paths = orders.httpApi?.paths as Record<string, Record<string, Record<string, { uri?: string }>>>;
    expect(paths['/orders/{orderId}'].get['x-amazon-apigateway-integration'].uri).toBe(
      '${lambda_invoke_arns.getOrder}',
    );
    expect(orders.httpApi?.components).toMatchObject({
      securitySchemes: { jwt: { 'x-amazon-apigateway-authorizer': { type: 'jwt' } } },
    });
    expect(orders.websocket).toEqual({
      routeSelectionExpression: '$request.body.action',
      stage: 'v1',
      authorizer: { function: 'cancelOrder', identitySources: ['route.request.querystring.token'] },
      // One-way unless declared two-way, as the module's two_way default.
      routes: Object.fromEntries(
        Object.entries(websocket().routes).map(([key, route]) => [key, { ...route, twoWay: false }]),
      ),
    });
  });

  it('refuses a two-way $connect route: a route response answers a message', () => {
    const file = websocket();
    (file.routes as Record<string, Record<string, unknown>>)['$connect'] = { function: 'placeOrder', twoWay: true };
    expect(() => WebSocketFileSchema.parse(file)).toThrow(/\$connect and \$disconnect have none/);
  });

  it('rejects HTTP API integrations that name functions functions.yaml does not declare', () => {
    const document = httpApi();
    document.components['x-amazon-apigateway-integrations'].place = lambda('placeOrders');
    workspace.write('orders', 'http-api', yaml(document));
    expect(problemsOf(workspace)).toEqual([
      `${HTTP_API}: components.x-amazon-apigateway-integrations.place.uri: unknown function placeOrders (not in ${FUNCTIONS})`,
    ]);
  });

  it('rejects an unquoted payload format version, a route without an integration and a path without a slash', () => {
    workspace
      .write('orders', 'http-api', yaml(httpApi()))
      .set(
        'orders',
        'http-api',
        ['paths', '/orders/{orderId}', 'get', 'x-amazon-apigateway-integration', 'payloadFormatVersion'],
        2,
      )
      .set('orders', 'http-api', ['paths', '/orders', 'post'], { operationId: 'place' })
      .set('orders', 'http-api', ['paths', 'orders'], {
        get: { 'x-amazon-apigateway-integration': lambda('getOrder') },
      });
    expect(problemsOf(workspace)).toEqual([
      `${HTTP_API}: paths./orders/{orderId}.get.x-amazon-apigateway-integration.payloadFormatVersion: expected '1.0' or '2.0' (quoted)`,
      `${HTTP_API}: paths./orders.post.x-amazon-apigateway-integration: required`,
      `${HTTP_API}: paths.orders: paths start with / (or are $default)`,
    ]);
  });

  // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
  it("takes payload format '1.0' for integrations and Lambda authorizers, and refuses it unquoted", () => {
    const authorizer = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        authorizerUri: '${lambda_invoke_arns.cancelOrder}',
        authorizerPayloadFormatVersion: '1.0',
      },
    };
    workspace
      .write('orders', 'http-api', yaml(httpApi()))
      .set('orders', 'http-api', ['components', 'securitySchemes', 'custom'], authorizer)
      .set(
        'orders',
        'http-api',
        ['components', 'x-amazon-apigateway-integrations', 'place', 'payloadFormatVersion'],
        '1.0',
      );
    const orders = loadServiceDefinitions(workspace.root).find((service) => service.name === 'orders');
    expect(orders?.httpApi?.components?.securitySchemes).toHaveProperty('custom');
    workspace.set(
      'orders',
      'http-api',
      ['components', 'securitySchemes', 'custom', 'x-amazon-apigateway-authorizer', 'authorizerPayloadFormatVersion'],
      1,
    );
    expect(problemsOf(workspace)).toEqual([
      `${HTTP_API}: components.securitySchemes.custom.x-amazon-apigateway-authorizer.authorizerPayloadFormatVersion: expected '1.0' or '2.0' (quoted)`,
    ]);
  });

  it('names each missing field of an inline integration', () => {
    workspace
      .write('orders', 'http-api', yaml(httpApi()))
      .set('orders', 'http-api', ['paths', '/orders/{orderId}', 'get', 'x-amazon-apigateway-integration'], {
        type: 'aws_proxy',
      });
    expect(problemsOf(workspace)).toEqual([
      `${HTTP_API}: paths./orders/{orderId}.get.x-amazon-apigateway-integration.uri: required`,
      `${HTTP_API}: paths./orders/{orderId}.get.x-amazon-apigateway-integration.payloadFormatVersion: required`,
    ]);
  });

  it('rejects WebSocket routes and an authorizer that name unknown functions', () => {
    workspace
      .write('orders', 'websocket', yaml({ ...websocket(), authorizer: { function: 'authorize' } }))
      .set('orders', 'websocket', ['routes', 'subscribe', 'function'], 'subscribe');
    expect(problemsOf(workspace)).toEqual([
      `${WEBSOCKET}: routes.subscribe.function: unknown function subscribe (not in ${FUNCTIONS})`,
      `${WEBSOCKET}: authorizer.function: unknown function authorize (not in ${FUNCTIONS})`,
    ]);
  });

  it('rejects what API Gateway would refuse in a WebSocket API, naming the field', () => {
    workspace.write(
      'orders',
      'websocket',
      yaml({
        routeSelectionExpression: 'action',
        stage: 'v 1',
        authorizer: { function: 'cancelOrder', identitySources: ['querystring.token'] },
        routes: { $message: { function: 'getOrder' } },
        throttle: 10,
      }),
    );
    expect(problemsOf(workspace)).toEqual([
      `${WEBSOCKET}: routeSelectionExpression: expected $request.body.<path>`,
      `${WEBSOCKET}: stage: expected 1 to 128 letters, digits, - or _`,
      `${WEBSOCKET}: authorizer.identitySources.0: expected route.request.header.<name>, route.request.querystring.<name>, stageVariables.<name> or context.<name>`,
      `${WEBSOCKET}: routes.$message: expected $connect, $disconnect, $default or a custom route key (no spaces, not starting with $)`,
      `${WEBSOCKET}: throttle: unknown field`,
    ]);
  });

  it('rejects an authorizer without a $connect route to run on', () => {
    workspace.write(
      'orders',
      'websocket',
      yaml({ routes: { $default: { function: 'getOrder' } }, authorizer: { function: 'cancelOrder' } }),
    );
    expect(problemsOf(workspace)).toEqual([
      `${WEBSOCKET}: authorizer: an authorizer runs on $connect: declare a $connect route`,
    ]);
  });
});
