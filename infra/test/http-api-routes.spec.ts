import { block, parseJsonAttribute } from './support/collections';
import type { ServiceDefinition } from './support/declarations';
import { httpRoutes, jwtSchemes } from './support/http-api';
import { eachPlanCase } from './support/plan-cases';
import { isUnknown, type PlannedResource, type TerraformPlan } from './support/terraform-plan';

// Every route of every service's http-api.yaml reaches API Gateway (v2) with the function, authorizer and scopes it
// declares, behind a JWT authorizer trusting the environment's user pool and an app client granted those scopes.
// Routes target their function's integration by module construction (proved by infra/modules/http-api tests).
type WithHttpApi = ServiceDefinition & { httpApi: NonNullable<ServiceDefinition['httpApi']> };

/** The user pool the environment trusts: its id is the last segment of the ARN the plan was given. */
function userPoolId(plan: TerraformPlan): string {
  return String(plan.variable('cognito_user_pool_arn')).split('/').at(-1) ?? '';
}

describe.each(eachPlanCase())('HTTP APIs planned in %s', (_id, { plan, naming, services }) => {
  const withApi = services.filter((service): service is WithHttpApi => service.httpApi !== undefined);
  const apiName = (service: string) => naming.physical(`${service}-http`);

  it('are one per service with an http-api.yaml', () => {
    expect(
      plan
        .ofType('aws_apigatewayv2_api')
        .filter(({ values }) => values.protocol_type === 'HTTP')
        .map(({ values }) => values.name)
        .sort(),
    ).toEqual(withApi.map((service) => apiName(service.name)).sort());
  });

  // Plans without an HTTP API have nothing more to check (the test above proves there is none).
  if (withApi.length === 0) return;

  describe.each(withApi.map((service) => [service.name, service] as const))('service %s', (service, definition) => {
    const api = plan.find('aws_apigatewayv2_api', 'name', apiName(service));
    const inApi = (type: string): PlannedResource[] =>
      plan.ofType(type).filter((resource) => resource.moduleAddress === api.moduleAddress);
    const stackAddress = api.moduleAddress.replace(/\.module\.http_api\[0\]$/, '');
    const inStack = (type: string): PlannedResource[] =>
      plan.ofType(type).filter((resource) => resource.moduleAddress === stackAddress);
    const routes = httpRoutes(definition.httpApi);
    const schemes = jwtSchemes(definition.httpApi);
    const requiredScopes = [...new Set(routes.flatMap((route) => route.scopes))].sort();

    it('declares routes', () => {
      expect(routes.length).toBeGreaterThan(0);
    });

    it('deploys exactly the declared route keys', () => {
      expect(
        inApi('aws_apigatewayv2_route')
          .map(({ values }) => values.route_key)
          .sort(),
      ).toEqual(routes.map((route) => route.key).sort());
    });

    it.each(routes.map((route) => [route.key, route] as const))(
      '%s has its declared authorization and scopes',
      (key, route) => {
        const planned = inApi('aws_apigatewayv2_route').find(({ values }) => values.route_key === key);
        expect(planned?.values.authorization_type).toBe(route.scheme === undefined ? 'NONE' : 'JWT');
        expect([...((planned?.values.authorization_scopes as string[] | null) ?? [])].sort()).toEqual(
          [...route.scopes].sort(),
        );
      },
    );

    it.each(routes.map((route) => [route.key, route] as const))(
      '%s invokes its function through a Lambda proxy integration',
      (_key, route) => {
        const integration = inApi('aws_apigatewayv2_integration').find(
          (candidate) => candidate.index === route.function,
        );
        expect(integration?.values).toMatchObject({
          integration_type: 'AWS_PROXY',
          integration_method: 'POST',
          payload_format_version: '2.0',
          integration_uri: naming.lambdaInvokeArn(service, route.function),
          timeout_milliseconds: route.timeoutMillis,
        });
        expect(
          plan.find('aws_lambda_function', 'function_name', naming.functionName(service, route.function)),
        ).toBeDefined();
      },
    );

    it('lets API Gateway invoke exactly the integrated functions, from this API only', () => {
      const permissions = inApi('aws_lambda_permission');
      expect(permissions.map(({ values }) => values.function_name).sort()).toEqual(
        [...new Set(routes.map((route) => naming.functionName(service, route.function)))].sort(),
      );
      for (const permission of permissions) {
        expect(permission.values.principal).toBe('apigateway.amazonaws.com');
        // <the API's execution ARN>/*, known once the API exists.
        expect(isUnknown(permission, 'source_arn')).toBe(true);
      }
      expect(
        plan
          .ofType('aws_lambda_permission')
          .filter(
            ({ values }) =>
              values.principal === 'apigateway.amazonaws.com' &&
              String(values.function_name).startsWith(naming.physical(`${service}-`)),
          ),
      ).toHaveLength(permissions.length);
    });

    it('checks tokens with the declared JWT authorizer: issued by the environment user pool, for the service app client', () => {
      const authorizers = inApi('aws_apigatewayv2_authorizer');
      expect(authorizers).toHaveLength(schemes.length);
      for (const scheme of schemes) {
        const [authorizer] = authorizers;
        expect(authorizer.values).toMatchObject({ authorizer_type: 'JWT', identity_sources: [scheme.identitySource] });
        expect(scheme.issuer).toBe('${cognito_issuer_url}');
        expect(block(authorizer.values.jwt_configuration)?.issuer).toBe(
          `https://cognito-idp.${naming.region}.amazonaws.com/${userPoolId(plan)}`,
        );
        // The audience is the app client created in the same apply: its id is unknown until then.
        expect(scheme.audience).toEqual(['${cognito_client_id}']);
        expect(authorizer.unknown.jwt_configuration).toEqual([{ audience: true }]);
      }
    });

    it('creates one app client in that user pool, granted exactly the scopes the routes require (client credentials)', () => {
      const clients = inStack('aws_cognito_user_pool_client');
      expect(clients.map(({ values }) => values.user_pool_id)).toEqual([userPoolId(plan)]);
      const [client] = clients;
      if (requiredScopes.length > 0) {
        expect(client.values).toMatchObject({
          allowed_oauth_flows: ['client_credentials'],
          allowed_oauth_flows_user_pool_client: true,
          generate_secret: true,
        });
        expect([...(client.values.allowed_oauth_scopes as string[])].sort()).toEqual(requiredScopes);
      }
      expect(client.values.explicit_auth_flows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    });

    it('defines every required scope on a resource server of the user pool', () => {
      const defined = inStack('aws_cognito_resource_server').flatMap(({ values }) => {
        expect(values.user_pool_id).toBe(userPoolId(plan));
        return (values.scope as { scope_name: string }[]).map(
          (scope) => `${String(values.identifier)}/${scope.scope_name}`,
        );
      });
      expect(defined.sort()).toEqual(requiredScopes.filter((scope) => scope.includes('/')));
    });

    it('serves the $default stage, auto-deployed, throttled, with JSON access logs kept in a log group with retention', () => {
      const [stage, ...others] = inApi('aws_apigatewayv2_stage');
      expect(others).toEqual([]);
      expect(stage.values).toMatchObject({ name: '$default', auto_deploy: true });
      const settings = block(stage.values.default_route_settings);
      expect(settings?.throttling_rate_limit).toBeGreaterThan(0);
      expect(settings?.throttling_burst_limit).toBeGreaterThan(0);
      const format = parseJsonAttribute(block(stage.values.access_log_settings)?.format) as Record<string, string>;
      expect(format).toMatchObject({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
      });
      const group = plan.find('aws_cloudwatch_log_group', 'name', `/aws/apigateway/${apiName(service)}`);
      expect(group.values.retention_in_days).toBeGreaterThan(0);
    });
  });
});
