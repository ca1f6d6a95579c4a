import { loadPlan } from './support/terraform-plan';

// A fresh account: cognito_user_pool_arn left at its default, so the orders stack creates the pool and its id is
// known only after apply. Counts and for_each must not wait on it (https://developer.hashicorp.com/terraform/language/meta-arguments/for_each#limitations-on-values-used-in-for_each),
// or the first plan a new team runs fails. The HTTP API's scopes live on a resource server of that pool
// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html).
describe.each(['envs-dev-new-pool', 'envs-prod-new-pool'])('%s (no user pool passed)', (id) => {
  const plan = loadPlan(id);
  const addresses = plan.resources.map((resource) => resource.address);

  it('creates the user pool in the orders stack', () => {
    expect(plan.ofType('aws_cognito_user_pool').map((resource) => resource.address)).toEqual([expect.stringContaining('module.system.module.orders.')]);
  });

  it('creates the catalog and inventory resource servers with the scopes their http-api.yaml require, in that pool', () => {
    const servers = plan.ofType('aws_cognito_resource_server');
    expect(servers.map((server) => server.values.identifier).sort()).toEqual(['catalog', 'inventory']);
    for (const server of servers) expect((server.values.scope as { scope_name: string }[]).map((scope) => scope.scope_name)).toEqual(['admin']);
  });

  it('plans the inventory HTTP API with its JWT authorizer and app client', () => {
    expect(addresses.filter((address) => address.startsWith('module.system.module.inventory.module.http.module.http_api[0].'))).not.toEqual([]);
    expect(plan.ofType('aws_apigatewayv2_authorizer').map((authorizer) => authorizer.values.authorizer_type)).toContain('JWT');
    expect(addresses).toContain('module.system.module.inventory.module.http.aws_cognito_user_pool_client.api[0]');
  });
});
