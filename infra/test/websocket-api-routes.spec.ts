import { block } from './support/collections';
import type { ServiceDefinition } from './support/declarations';
import { grants, policyDocuments, UNKNOWN_RESOURCE } from './support/iam';
import { eachPlanCase } from './support/plan-cases';
import type { PlannedResource } from './support/terraform-plan';

// Every service's websocket.yaml reaches API Gateway as declared (routes, authorizer on $connect, stage), and only
// the functions declaring `connections` may manage the connections of a WebSocket API. The exact ARN of that grant
// holds the API's id, assigned on apply: infra/services/notifications/tests and infra/modules/service-stack/tests
// prove it is <this API>/<stage>/<declared method>/@connections/*.
type WithWebSocket = ServiceDefinition & { websocket: NonNullable<ServiceDefinition['websocket']> };

describe.each(eachPlanCase())('WebSocket APIs planned in %s', (_id, { plan, naming, services }) => {
  const withApi = services.filter((service): service is WithWebSocket => service.websocket !== undefined);
  const apiName = (service: string) => naming.physical(`${service}-ws`);

  it('are one per service with a websocket.yaml', () => {
    expect(
      plan
        .ofType('aws_apigatewayv2_api')
        .filter(({ values }) => values.protocol_type === 'WEBSOCKET')
        .map(({ values }) => values.name)
        .sort(),
    ).toEqual(withApi.map((service) => apiName(service.name)).sort());
  });

  it('let only the functions declaring @connections calls manage connections, one resource per declared method', () => {
    const functions = services.flatMap((service) => Object.values(service.functions).map((fn) => ({ service, fn })));
    const connectionGrants = (name: string) => {
      const fn = plan.find('aws_lambda_function', 'function_name', name);
      const policy = plan.ofType('aws_iam_role_policy').find((resource) => resource.moduleAddress === fn.moduleAddress);
      const document = policyDocuments(plan).find(({ resource }) => resource.address === policy?.address);
      return grants(document?.statements ?? []).filter((grant) => grant.startsWith('execute-api:'));
    };
    const granted = functions.map(
      ({ service, fn }) =>
        [`${service.name}.${fn.key}`, connectionGrants(naming.functionName(service.name, fn.key))] as const,
    );
    const declared = functions.map(
      ({ service, fn }) =>
        [
          `${service.name}.${fn.key}`,
          fn.connections.map(() => `execute-api:ManageConnections on ${UNKNOWN_RESOURCE}`),
        ] as const,
    );
    expect(granted).toEqual(declared);
    // No other policy of the plan mentions execute-api: nothing else may manage connections.
    const elsewhere = policyDocuments(plan)
      .filter(({ resource }) => !resource.moduleAddress.includes('.module.functions['))
      .flatMap(({ resource, statements }) =>
        (statements ?? [])
          .filter((statement) => statement.Action.some((action) => action.startsWith('execute-api:')))
          .map(() => resource.address),
      );
    expect(elsewhere).toEqual([]);
  });

  // Plans without a WebSocket API have nothing more to check (the tests above prove there is none, and no grant).
  if (withApi.length === 0) return;

  describe.each(withApi.map((service) => [service.name, service] as const))('service %s', (service, definition) => {
    const websocket = definition.websocket;
    const api = plan.find('aws_apigatewayv2_api', 'name', apiName(service));
    const inApi = (type: string): PlannedResource[] =>
      plan.ofType(type).filter((resource) => resource.moduleAddress === api.moduleAddress);
    const invokeArn = (key: string) => naming.lambdaInvokeArn(service, key);
    const routeFunctions = [...new Set(Object.values(websocket.routes).map((route) => route.function))].sort();

    it('selects routes with the declared expression', () => {
      expect(api.values.route_selection_expression).toBe(websocket.routeSelectionExpression);
    });

    it('has exactly the routes of websocket.yaml, the authorizer guarding $connect only', () => {
      const routes = inApi('aws_apigatewayv2_route')
        .map(({ values }) => [values.route_key, values.authorization_type])
        .sort();
      const expected = Object.keys(websocket.routes)
        .map((key) => [key, key === '$connect' && websocket.authorizer ? 'CUSTOM' : 'NONE'])
        .sort();
      expect(routes).toEqual(expected);
    });

    it("integrates each route's function once, as a Lambda proxy", () => {
      const integrations = inApi('aws_apigatewayv2_integration')
        .map(({ values }) => [values.integration_type, values.integration_uri])
        .sort();
      expect(integrations).toEqual(routeFunctions.map((key) => ['AWS_PROXY', invokeArn(key)]).sort());
    });

    it('runs the declared Lambda REQUEST authorizer with its identity sources', () => {
      const authorizers = inApi('aws_apigatewayv2_authorizer').map(({ values }) => ({
        type: values.authorizer_type,
        uri: values.authorizer_uri,
        sources: [...(values.identity_sources as string[])].sort(),
      }));
      expect(authorizers).toEqual(
        websocket.authorizer
          ? [
              {
                type: 'REQUEST',
                uri: invokeArn(websocket.authorizer.function),
                sources: [...websocket.authorizer.identitySources].sort(),
              },
            ]
          : [],
      );
    });

    it('deploys the declared stage, throttled, with JSON access logs', () => {
      const stages = inApi('aws_apigatewayv2_stage');
      expect(stages.map(({ values }) => values.name)).toEqual([websocket.stage]);
      const settings = block(stages[0].values.default_route_settings) ?? {};
      expect(settings.throttling_rate_limit).toBeGreaterThan(0);
      expect(settings.throttling_burst_limit).toBeGreaterThan(0);
      expect(JSON.parse(String(block(stages[0].values.access_log_settings)?.format))).toHaveProperty(
        'routeKey',
        '$context.routeKey',
      );
    });

    it('lets API Gateway invoke exactly the route functions and the authorizer', () => {
      const invoked = inApi('aws_lambda_permission')
        .map(({ values }) => [values.principal, values.function_name])
        .sort();
      const expected = [
        ...new Set([...routeFunctions, ...(websocket.authorizer ? [websocket.authorizer.function] : [])]),
      ].map((key) => ['apigateway.amazonaws.com', naming.functionName(service, key)]);
      expect(invoked).toEqual(expected.sort());
    });
  });
});
