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
    .filter((policy) => typeof policy.values.policy === 'string' && grants(statementsOf(policy.values.policy as string)).join() === `sns:Publish on ${topicArn}`);
  if (roles.length !== 1) throw new Error(`expected one role allowed only sns:Publish on ${topicArn}, found ${roles.length}`);
  return `arn:aws:iam::${naming.accountId}:role/${String(roles[0].values.role)}`;
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
  const withApi = services.filter((service): service is ServiceDefinition & { openapi: object } => service.openapi !== undefined);

  it('are one per service with an openapi.yaml', () => {
    expect(plan.ofType('aws_api_gateway_rest_api').map((api) => api.values.name).sort()).toEqual(withApi.map((service) => naming.physical(service.name)).sort());
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

    it.each(routes.map((route) => [route.method.toUpperCase(), route.path, route.operation] as const))('%s %s has its declared integration', (method, path, operation) => {
      const integration = deployed.paths[path]?.[method.toLowerCase()]?.['x-amazon-apigateway-integration'];
      expect(integration).toEqual(operation['x-amazon-apigateway-integration']);
    });

    it.each(routes.filter((route) => route.operation['x-amazon-apigateway-integration']?.type === 'aws_proxy').map((route) => [route.method.toUpperCase(), route.path, route.operation] as const))(
      '%s %s invokes a planned function API Gateway may call',
      (_method, _path, operation) => {
        const uri = String(operation['x-amazon-apigateway-integration']?.uri);
        const functionName = uri.split(':function:')[1]?.split('/')[0];
        expect(plan.find('aws_lambda_function', 'function_name', functionName).values.function_name).toBe(functionName);
        const permissions = plan.ofType('aws_lambda_permission').filter((permission) => permission.values.function_name === functionName && permission.values.principal === 'apigateway.amazonaws.com');
        expect(permissions).toHaveLength(1);
      },
    );

    it('issues an API key through a usage plan of the stage when a route requires one', () => {
      const schemes = ((definition.openapi as { components?: { securitySchemes?: Record<string, Record<string, unknown>> } }).components?.securitySchemes ?? {}) as Record<string, Record<string, unknown>>;
      const apiKeySchemes = Object.entries(schemes)
        .filter(([, scheme]) => scheme.type === 'apiKey' && scheme.in === 'header' && String(scheme.name).toLowerCase() === 'x-api-key' && !scheme['x-amazon-apigateway-authtype'])
        .map(([name]) => name);
      const needsKey = routes.some(({ operation }) => ((operation.security ?? []) as Record<string, unknown>[]).some((requirement) => apiKeySchemes.some((name) => name in requirement)));
      const inApi = (type: string) => plan.ofType(type).filter((resource) => resource.moduleAddress === api.moduleAddress);
      const [stage] = inApi('aws_api_gateway_stage');
      const plans = inApi('aws_api_gateway_usage_plan').filter(({ values }) => (values.api_stages as { stage: string }[]).some((apiStage) => apiStage.stage === stage.values.stage_name));
      const issued = plans.length > 0 && inApi('aws_api_gateway_usage_plan_key').length > 0;
      expect(!needsKey || issued).toBe(true);
    });

    it('publishes SNS-direct routes straight to SNS, each with a role only API Gateway may assume', () => {
      for (const { operation } of routes.filter((route) => route.operation['x-amazon-apigateway-integration']?.type === 'aws')) {
        const integration = operation['x-amazon-apigateway-integration'] ?? {};
        expect(integration).toMatchObject({ uri: `arn:aws:apigateway:${naming.region}:sns:action/Publish`, passthroughBehavior: 'never' });
        const role = plan.find('aws_iam_role', 'name', String(integration.credentials).split(':role/')[1]);
        expect(statementsOf(String(role.values.assume_role_policy)).map((statement) => statement.Principal)).toEqual([{ Service: 'apigateway.amazonaws.com' }]);
      }
    });
  });
});
