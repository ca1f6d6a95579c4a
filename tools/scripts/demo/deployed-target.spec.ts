import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  clientCredentialsRequest,
  deployedAccess,
  idTokenOf,
  orderPriceCall,
  signInCalls,
  throwAwayUser,
  webhookCalls,
} from './deployed.mjs';
import { resolveTarget, root, targetArgument, terraformTarget, type DeployedTarget } from './targets.mjs';

// `npm run demo -- --target <env>` and `npm run smoke -- --target <env>` read `terraform output -json` of
// infra/envs/<env> and talk to AWS through the AWS CLI. What can be checked without an account: reading the outputs,
// the CLI calls and HTTP requests built, and the order they run in.
const system = {
  event_bus_name: 'harbor-dev-events',
  orders_api_url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/',
  orders_user_pool_id: 'eu-west-1_Pool42',
  orders_user_pool_domain: 'harbor-dev-111111111111',
  orders_user_pool_client_id: 'web-client-id',
  inventory_api_url: 'https://def456.execute-api.eu-west-1.amazonaws.com',
  inventory_client_id: 'inventory-client-id',
  catalog_api_url: 'https://cat321.execute-api.eu-west-1.amazonaws.com/',
  catalog_client_id: 'catalog-client-id',
  notifications_websocket_url: 'wss://ghi789.execute-api.eu-west-1.amazonaws.com/live',
};
const outputs = (value: object) => ({ system: { sensitive: false, type: ['object', {}], value } });
const target: DeployedTarget = resolveTarget('dev', outputs(system));

describe('--target', () => {
  it('reads the environment from --target <env> or --target=<env>, and none means the local cloud', () => {
    expect(targetArgument(['--target', 'dev'])).toBe('dev');
    expect(targetArgument(['--target=prod'])).toBe('prod');
    expect(targetArgument([])).toBeUndefined();
    expect(() => targetArgument(['--target'])).toThrow('--target needs an environment name');
    expect(() => targetArgument(['--target', '--verbose'])).toThrow('--target needs an environment name');
  });
});

describe('a target from `terraform output -json`', () => {
  it("takes endpoints and Cognito ids from the output `system`, without trailing slashes, in the pool's region", () => {
    expect(target).toEqual({
      kind: 'aws',
      name: 'dev',
      rest: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1',
      httpApi: 'https://def456.execute-api.eu-west-1.amazonaws.com',
      catalogApi: 'https://cat321.execute-api.eu-west-1.amazonaws.com',
      notifications: 'wss://ghi789.execute-api.eu-west-1.amazonaws.com/live',
      userPoolId: 'eu-west-1_Pool42',
      clientId: 'web-client-id',
      inventoryClientId: 'inventory-client-id',
      catalogClientId: 'catalog-client-id',
      domain: 'harbor-dev-111111111111',
      region: 'eu-west-1',
    });
  });

  it('has no domain when the pool was passed in (the output is null)', () => {
    expect(resolveTarget('dev', outputs({ ...system, orders_user_pool_domain: null })).domain).toBeUndefined();
  });

  it('names what is missing: no apply yet, or an output the environment does not have', () => {
    expect(() => resolveTarget('dev', {})).toThrow('has no output "system": was `terraform apply` run there?');
    expect(() => resolveTarget('dev', outputs({ ...system, orders_user_pool_id: null }))).toThrow(
      'missing system.orders_user_pool_id',
    );
  });

  it('reads only outputs infra/system declares', () => {
    const declared = [
      ...readFileSync(join(root, 'infra/system/outputs.tf'), 'utf8').matchAll(/^output "([^"]+)"/gm),
    ].map((match) => match[1]);
    expect(declared).toEqual(expect.arrayContaining(Object.keys(system)));
  });

  it('runs terraform output -json in infra/envs/<env>, and passes its error on', () => {
    const calls: string[][] = [];
    const found = terraformTarget('dev', (file, args) => {
      calls.push([file, ...args]);
      return JSON.stringify(outputs(system));
    });
    expect(found.rest).toBe(target.rest);
    expect(calls).toEqual([['terraform', `-chdir=${join(root, 'infra/envs/dev')}`, 'output', '-json', '-no-color']]);
    const failing = () => {
      throw Object.assign(new Error('exit 1'), { stderr: 'Error: No valid credential sources found' });
    };
    expect(() => terraformTarget('dev', failing)).toThrow(
      'output -json` failed: Error: No valid credential sources found',
    );
  });
});

describe('signing in to the deployed user pool', () => {
  const user = { email: 'harbor-ann-00000000@example.com', password: 'Hb1-secret-password' };

  it('creates a confirmed user with a permanent password, then signs it in through the orders web client', () => {
    const pool = ['--region', 'eu-west-1', '--user-pool-id', 'eu-west-1_Pool42'];
    expect(signInCalls(target, user)).toEqual([
      [
        'cognito-idp',
        'admin-create-user',
        ...pool,
        '--username',
        user.email,
        '--message-action',
        'SUPPRESS',
        '--user-attributes',
        `Name=email,Value=${user.email}`,
        'Name=email_verified,Value=true',
      ],
      [
        'cognito-idp',
        'admin-set-user-password',
        ...pool,
        '--username',
        user.email,
        '--password',
        user.password,
        '--permanent',
      ],
      [
        'cognito-idp',
        'admin-initiate-auth',
        ...pool,
        '--client-id',
        'web-client-id',
        '--auth-flow',
        'ADMIN_USER_PASSWORD_AUTH',
        '--auth-parameters',
        `USERNAME=${user.email},PASSWORD=${user.password}`,
      ],
    ]);
  });

  it('uses a flow the Terraform web client allows', () => {
    expect(readFileSync(join(root, 'infra/services/orders/api.tf'), 'utf8')).toMatch(
      /explicit_auth_flows\s*=\s*\[[^\]]*"ALLOW_ADMIN_USER_PASSWORD_AUTH"/,
    );
  });

  it("makes passwords the pool's policy accepts (12+ characters, lower and upper case, a digit)", () => {
    for (const fill of [0x00, 0x7f, 0xff]) {
      const { email, password } = throwAwayUser('smoke', (size) => Buffer.alloc(size, fill));
      expect(email).toMatch(/^harbor-smoke-[0-9a-f]{8}@example\.com$/);
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
    }
  });

  it('keeps the ID token of the answer, and refuses a challenge', () => {
    expect(idTokenOf({ AuthenticationResult: { IdToken: 'id.token', AccessToken: 'access.token' } })).toBe('id.token');
    expect(() => idTokenOf({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' })).toThrow(
      'the challenge NEW_PASSWORD_REQUIRED',
    );
  });

  it('deletes every user it created, once', async () => {
    const cli = jest.fn((args: string[]) =>
      args[1] === 'admin-initiate-auth' ? { AuthenticationResult: { IdToken: `token-of-${args.at(-1)}` } } : {},
    );
    const access = deployedAccess(target, { cli });
    await expect(access.customerToken('ann')).resolves.toMatch(/^token-of-USERNAME=harbor-ann-/);
    await access.customerToken('bob');
    access.cleanUp();
    access.cleanUp();
    const commands = cli.mock.calls.map(([args]) => args[1]);
    const signIn = ['admin-create-user', 'admin-set-user-password', 'admin-initiate-auth'];
    expect(commands).toEqual([...signIn, ...signIn, 'admin-delete-user', 'admin-delete-user']);
    const deleted = cli.mock.calls.filter(([args]) => args[1] === 'admin-delete-user').map(([args]) => args.at(-1));
    const createdUsers = cli.mock.calls
      .filter(([args]) => args[1] === 'admin-create-user')
      .map(([args]) => args[args.indexOf('--username') + 1]);
    expect(deleted).toEqual(createdUsers);
  });
});

describe('an inventory admin token', () => {
  it("is a client-credentials grant at the pool domain's token endpoint, with the inventory client's secret", () => {
    const { url, init } = clientCredentialsRequest(target, 'inventory-client-id', 's3cret', ['inventory/admin']);
    expect(url).toBe('https://harbor-dev-111111111111.auth.eu-west-1.amazoncognito.com/oauth2/token');
    expect(init.headers.authorization).toBe(`Basic ${Buffer.from('inventory-client-id:s3cret').toString('base64')}`);
    expect(init.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(init.body).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(init.body).get('scope')).toBe('inventory/admin');
  });

  it('needs a domain on the pool', () => {
    expect(() =>
      clientCredentialsRequest({ ...target, domain: undefined }, 'id', 'secret', ['inventory/admin']),
    ).toThrow('has no Cognito domain');
  });

  it('reads the secret from the user pool client, then posts the grant', async () => {
    const cli = jest.fn(() => ({ UserPoolClient: { ClientSecret: 'from-cognito' } }));
    const post = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ access_token: 'admin.token' }) }));
    await expect(deployedAccess(target, { cli, post }).adminToken()).resolves.toBe('admin.token');
    const describe = [
      'cognito-idp',
      'describe-user-pool-client',
      '--region',
      'eu-west-1',
      '--user-pool-id',
      'eu-west-1_Pool42',
    ];
    expect(cli.mock.calls[0]).toEqual([[...describe, '--client-id', 'inventory-client-id']]);
    expect((post.mock.calls[0] as unknown[])[0]).toBe(
      'https://harbor-dev-111111111111.auth.eu-west-1.amazoncognito.com/oauth2/token',
    );
  });
});

describe('the catalog, in a deployed environment', () => {
  it("gets a catalog admin token with the catalog client's own secret and scope", async () => {
    const cli = jest.fn(() => ({ UserPoolClient: { ClientSecret: 'catalog-secret' } }));
    const post = jest.fn(async () => ({
      ok: true,
      status: 200,
      json: async () => ({ access_token: 'catalog.token' }),
    }));
    await expect(deployedAccess(target, { cli, post }).catalogAdminToken()).resolves.toBe('catalog.token');
    expect((cli.mock.calls[0] as unknown as string[][])[0]).toContain('catalog-client-id');
    const body = new URLSearchParams(((post.mock.calls[0] as unknown[])[1] as { body: string }).body);
    expect(body.get('scope')).toBe('catalog/admin');
  });

  it("reads orders' copy of a price from the environment's orders-prices table, consistently", async () => {
    expect(orderPriceCall(target, 'DEMO-1')).toEqual([
      'dynamodb',
      'get-item',
      '--region',
      'eu-west-1',
      '--table-name',
      'harbor-dev-orders-prices',
      '--key',
      '{"sku":{"S":"DEMO-1"}}',
      '--consistent-read',
    ]);
    const cli = (args: string[]) =>
      args[1] === 'get-item' ? { Item: { sku: { S: 'DEMO-1' }, version: { N: '3' } } } : {};
    await expect(deployedAccess(target, { cli }).orderPriceVersion('DEMO-1')).resolves.toBe(3);
    await expect(deployedAccess(target, { cli: () => ({}) }).orderPriceVersion('DEMO-1')).resolves.toBe(0);
  });
});

describe("the payment webhook's credentials", () => {
  it("are the environment's payment-provider API key and payment-webhook secret", () => {
    expect(webhookCalls(target)).toEqual({
      apiKey: [
        'apigateway',
        'get-api-keys',
        '--region',
        'eu-west-1',
        '--name-query',
        'harbor-dev-orders-payment-provider',
        '--include-values',
      ],
      secret: [
        'secretsmanager',
        'get-secret-value',
        '--region',
        'eu-west-1',
        '--secret-id',
        'harbor-dev-orders-payment-webhook',
      ],
    });
  });

  it('say so when the secret was never put', () => {
    const cli = (args: string[]) => (args[0] === 'apigateway' ? { items: [{ value: 'key' }] } : {});
    expect(() => deployedAccess(target, { cli }).webhookCredentials()).toThrow(
      'harbor-dev-orders-payment-webhook has no value yet',
    );
  });
});
