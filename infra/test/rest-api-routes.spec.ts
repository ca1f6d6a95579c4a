import type { ServiceDefinition } from './support/declarations';
import { grants, statementsOf } from './support/iam';
import type { Naming } from './support/naming';
import { expectedDocument, operations, type OpenApiDocument, type Resolver } from './support/openapi';
import { eachPlanCase } from './support/plan-cases';
import type { TerraformPlan } from './support/terraform-plan';

// Every route of every service's openapi.yaml reaches API Gateway with the integration it declares.
function snsPublishRoleArn(plan: TerraformPlan, naming: Naming, topic: string): string {
  const topicArn = naming.topicArn(topic);
  const roles = plan
    .ofType('aws_iam_role_policy')
    .filter(
      (policy) =>
        typeof policy.values.policy === 'string' &&
        grants(statementsOf(policy.values.policy as string)).join() === `sns:Publish on ${topicArn}`,
    );
  if (roles.length !== 1)
    throw new Error(`expected one role allowed only sns:Publish on ${topicArn}, found ${roles.length}`);
  return `arn:aws:iam::${naming.accountId}:role/${String(roles[0].values.role)}`;
}

/**
 * The name=value pairs a form-encoded mapping template sends: VTL `#set($name = "literal")` lines are expanded into
 * the lines that use `$name`, other directives dropped.
 */
function formPairs(template: string): [string, string][] {
  const lines = template.split('\n').map((line) => line.trim());
  const literals = new Map<string, string>();
  for (const line of lines) {
    const set = /^#set\(\$(\w+) = "([^"]*)"\)$/.exec(line);
    if (set) literals.set(set[1], set[2]);
  }
  const body = lines
    .filter((line) => line !== '' && !line.startsWith('#'))
    .join('')
    .replace(/\$(\w+)(?![\w.(])/g, (reference, name: string) => literals.get(name) ?? reference);
  return body.split('&').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);
}

/** The values Terraform must give the placeholders, found independently of the stack's own locals. */
function resolverFor(plan: TerraformPlan, naming: Naming, service: string): Resolver {
  return (placeholder) => {
    const [name, key] = placeholder.split('.');
    if (name === 'lambda_invoke_arns' && key) return naming.lambdaInvokeArn(service, key);
    if (name === 'topic_arns' && key) return naming.topicArn(key);
    if (name === 'sns_publish_role_arns' && key) return snsPublishRoleArn(plan, naming, key);
    if (name === 'region') return naming.region;
    if (name === 'cognito_user_pool_arn') return String(plan.variable('cognito_user_pool_arn'));
    throw new Error(`openapi.yaml of ${service} uses a placeholder the deployment does not fill: \${${placeholder}}`);
  };
}

describe.each(eachPlanCase())('REST APIs planned in %s', (_id, { plan, naming, services }) => {
  const withApi = services.filter(
    (service): service is ServiceDefinition & { openapi: object } => service.openapi !== undefined,
  );

  it('are one per service with an openapi.yaml', () => {
    expect(
      plan
        .ofType('aws_api_gateway_rest_api')
        .map((api) => api.values.name)
        .sort(),
    ).toEqual(withApi.map((service) => naming.physical(service.name)).sort());
  });

  describe.each(withApi.map((service) => [service.name, service] as const))('service %s', (service, definition) => {
    const api = plan.find('aws_api_gateway_rest_api', 'name', naming.physical(service));
    const deployed = JSON.parse(String(api.values.body)) as OpenApiDocument;
    const expected = expectedDocument(definition.openapi, resolverFor(plan, naming, service));
    const routes = operations(expected);

    it('declares routes', () => {
      expect(routes.length).toBeGreaterThan(0);
    });

    it('deploys exactly the declared document, every placeholder filled', () => {
      expect(deployed).toEqual(expected);
    });

    it.each(routes.map((route) => [route.method.toUpperCase(), route.path, route.operation] as const))(
      '%s %s has its declared integration',
      (method, path, operation) => {
        const integration = deployed.paths[path]?.[method.toLowerCase()]?.['x-amazon-apigateway-integration'];
        expect(integration).toEqual(operation['x-amazon-apigateway-integration']);
      },
    );

    it.each(
      routes
        .filter((route) => route.operation['x-amazon-apigateway-integration']?.type === 'aws_proxy')
        .map((route) => [route.method.toUpperCase(), route.path, route.operation] as const),
    )('%s %s invokes a planned function API Gateway may call', (_method, _path, operation) => {
      const uri = String(operation['x-amazon-apigateway-integration']?.uri);
      const functionName = uri.split(':function:')[1]?.split('/')[0];
      expect(plan.find('aws_lambda_function', 'function_name', functionName).values.function_name).toBe(functionName);
      const permissions = plan
        .ofType('aws_lambda_permission')
        .filter(
          (permission) =>
            permission.values.function_name === functionName &&
            permission.values.principal === 'apigateway.amazonaws.com',
        );
      expect(permissions).toHaveLength(1);
    });

    // Lambda is only ever invoked with POST on its invoke ARN, whatever the route's method
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
    it('invokes Lambda with POST on the invoke ARN of a function of this environment', () => {
      const invokeArn =
        /^arn:aws:apigateway:[a-z0-9-]+:lambda:path\/2015-03-31\/functions\/arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+\/invocations$/;
      for (const { operation } of routes.filter(
        (route) => route.operation['x-amazon-apigateway-integration']?.type === 'aws_proxy',
      )) {
        const integration = operation['x-amazon-apigateway-integration'] ?? {};
        expect(integration.httpMethod).toBe('POST');
        expect(String(integration.uri)).toMatch(invokeArn);
        expect(String(integration.uri)).toContain(`:function:${naming.physical(`${service}-`)}`);
      }
    });

    // SNS's query API: a form-encoded POST of Action=Publish with every value URL-encoded, and API Gateway must not
    // pass an unmapped body through (https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html).
    it('sends SNS-direct routes as a form-encoded Publish, every value URL-encoded, nothing passed through', () => {
      for (const { operation } of routes.filter(
        (route) => route.operation['x-amazon-apigateway-integration']?.type === 'aws',
      )) {
        const integration = operation['x-amazon-apigateway-integration'] as Record<string, unknown>;
        expect(integration).toMatchObject({
          httpMethod: 'POST',
          passthroughBehavior: 'never',
          requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
        });
        const templates = integration['requestTemplates'] as Record<string, string>;
        expect(Object.keys(templates).length).toBeGreaterThan(0);
        for (const template of Object.values(templates)) {
          const pairs = formPairs(template);
          expect(pairs.find(([name]) => name === 'Action')?.[1]).toBe('Publish');
          // A value is a literal name or type (no character to encode), or goes through $util.urlEncode.
          const unencoded = pairs.filter(
            ([, value]) => !/^\$util\.urlEncode\(.*\)$/.test(value) && !/^[A-Za-z0-9.]+$/.test(value),
          );
          expect(unencoded).toEqual([]);
        }
      }
    });

    // A Cognito authorizer names the environment's pool; a REQUEST authorizer invokes a function of this stack with
    // its identity sources, caching off or keyed by them (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html).
    it('defines authorizers API Gateway accepts: the environment user pool, and REQUEST functions of this stack', () => {
      const schemes =
        (deployed as { components?: { securitySchemes?: Record<string, Record<string, unknown>> } }).components
          ?.securitySchemes ?? {};
      const authorizers = Object.values(schemes)
        .map((scheme) => scheme['x-amazon-apigateway-authorizer'] as Record<string, unknown> | undefined)
        .filter((a) => a !== undefined);
      for (const authorizer of authorizers) {
        if (authorizer['type'] === 'cognito_user_pools') {
          expect(authorizer['providerARNs']).toEqual([String(plan.variable('cognito_user_pool_arn'))]);
        } else {
          expect(authorizer['type']).toBe('request');
          expect(String(authorizer['authorizerUri'])).toContain(
            `/functions/arn:aws:lambda:${naming.region}:${naming.accountId}:function:${naming.physical(`${service}-`)}`,
          );
          const sources = String(authorizer['identitySource'])
            .split(',')
            .map((source) => source.trim());
          for (const source of sources)
            expect(source).toMatch(/^method\.request\.(header|querystring)\.[A-Za-z0-9-]+$/);
          expect(Number(authorizer['authorizerResultTtlInSeconds'] ?? 300)).toBeLessThanOrEqual(3600);
        }
      }
    });

    it('issues an API key through a usage plan of the stage when a route requires one', () => {
      const schemes = ((
        definition.openapi as { components?: { securitySchemes?: Record<string, Record<string, unknown>> } }
      ).components?.securitySchemes ?? {}) as Record<string, Record<string, unknown>>;
      const apiKeySchemes = Object.entries(schemes)
        .filter(
          ([, scheme]) =>
            scheme.type === 'apiKey' &&
            scheme.in === 'header' &&
            String(scheme.name).toLowerCase() === 'x-api-key' &&
            !scheme['x-amazon-apigateway-authtype'],
        )
        .map(([name]) => name);
      const needsKey = routes.some(({ operation }) =>
        ((operation.security ?? []) as Record<string, unknown>[]).some((requirement) =>
          apiKeySchemes.some((name) => name in requirement),
        ),
      );
      const inApi = (type: string) =>
        plan.ofType(type).filter((resource) => resource.moduleAddress === api.moduleAddress);
      const [stage] = inApi('aws_api_gateway_stage');
      const plans = inApi('aws_api_gateway_usage_plan').filter(({ values }) =>
        (values.api_stages as { stage: string }[]).some((apiStage) => apiStage.stage === stage.values.stage_name),
      );
      const issued = plans.length > 0 && inApi('aws_api_gateway_usage_plan_key').length > 0;
      expect(!needsKey || issued).toBe(true);
    });

    it('publishes SNS-direct routes straight to SNS, each with a role only API Gateway may assume', () => {
      for (const { operation } of routes.filter(
        (route) => route.operation['x-amazon-apigateway-integration']?.type === 'aws',
      )) {
        const integration = operation['x-amazon-apigateway-integration'] ?? {};
        expect(integration).toMatchObject({
          uri: `arn:aws:apigateway:${naming.region}:sns:action/Publish`,
          passthroughBehavior: 'never',
        });
        const role = plan.find('aws_iam_role', 'name', String(integration.credentials).split(':role/')[1]);
        expect(statementsOf(String(role.values.assume_role_policy)).map((statement) => statement.Principal)).toEqual([
          { Service: 'apigateway.amazonaws.com' },
        ]);
      }
    });
  });
});
