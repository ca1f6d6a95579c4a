import { loadPlan } from './support/terraform-plan';

// A fresh account: cognito_user_pool_arn left at its default, so the orders stack creates the pool and its id is
// known only after apply. Counts and for_each must not wait on it (https://developer.hashicorp.com/terraform/language/meta-arguments/for_each#limitations-on-values-used-in-for_each),
// or the first plan a new team runs fails. The HTTP API's scopes live on a resource server of that pool
// (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html).
describe.each(['envs-dev-new-pool', 'envs-prod-new-pool'])('%s (no user pool passed)', (id) => {
  const plan = loadPlan(id);
  const addresses = plan.resources.map((resource) => resource.address);

  it('creates the user pool in the orders stack', () => {
    expect(plan.ofType('aws_cognito_user_pool').map((resource) => resource.address)).toEqual([
      expect.stringContaining('module.system.module.orders.'),
    ]);
  });

  it('creates the catalog and inventory resource servers with the scopes their http-api.yaml require, in that pool', () => {
    const servers = plan.ofType('aws_cognito_resource_server');
    expect(servers.map((server) => server.values.identifier).sort()).toEqual(['catalog', 'inventory']);
    for (const server of servers)
      expect((server.values.scope as { scope_name: string }[]).map((scope) => scope.scope_name)).toEqual(['admin']);
  });

  it('plans the inventory HTTP API with its JWT authorizer and app client', () => {
    expect(
      addresses.filter((address) =>
        address.startsWith('module.system.module.inventory.module.http.module.http_api[0].'),
      ),
    ).not.toEqual([]);
    expect(plan.ofType('aws_apigatewayv2_authorizer').map((authorizer) => authorizer.values.authorizer_type)).toContain(
      'JWT',
    );
    expect(addresses).toContain('module.system.module.inventory.module.http.aws_cognito_user_pool_client.api[0]');
  });

  // The inventory app client's client-credentials grant gets its tokens from the pool's /oauth2/token endpoint,
  // which exists only once the pool has a domain (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html).
  it('gives the created pool a Cognito domain, so the inventory client can get tokens', () => {
    const [domain] = plan.ofType('aws_cognito_user_pool_domain');
    expect(domain?.values.domain).toBe(`harbor-${id.split('-')[1]}-000000000000`);
    expect(domain.address).toBe('module.system.module.orders.aws_cognito_user_pool_domain.this[0]');
  });
});

// Customers sign in with SRP; operators and the smoke test with AdminInitiateAuth, which needs IAM credentials.
// USER_PASSWORD_AUTH would let anyone on the internet try passwords against the pool without SRP
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html).
describe.each(['envs-dev', 'envs-prod', 'envs-dev-new-pool', 'envs-prod-new-pool'])(
  '%s: the orders web client',
  (id) => {
    const plan = loadPlan(id);

    it('allows SRP and admin password sign-in, never the public password flow', () => {
      const client = plan.resources.find(
        (resource) => resource.address === 'module.system.module.orders.aws_cognito_user_pool_client.this[0]',
      );
      const flows = [...((client?.values.explicit_auth_flows as string[]) ?? [])].sort();
      expect(flows).toEqual(['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
    });

    it('creates a Cognito domain only for a pool it creates', () => {
      expect(plan.ofType('aws_cognito_user_pool_domain')).toHaveLength(id.endsWith('-new-pool') ? 1 : 0);
    });
  },
);
