// What the demo and the smoke test need from a deployed environment that the local cloud hands out for free:
// customer tokens (a throw-away user of the environment's user pool, signed in with ADMIN_USER_PASSWORD_AUTH), an
// inventory and catalog admin tokens (each API's app client's client-credentials grant), and the payment webhook's API key and
// HMAC secret. Everything goes through the AWS CLI with the caller's own credentials (a person's profile, or the
// pipeline's deploy role), so no key is read from a file. The builders are pure; `run` executes one CLI call.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { StepFailed } from './client.mjs';

/** Runs `aws <args> --output json` and parses the answer; a failure names the command and AWS's message. */
export function awsCli(args, exec = execFileSync) {
  try {
    const text = exec('aws', [...args, '--output', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new StepFailed(
      `\`aws ${args.slice(0, 2).join(' ')}\` failed: ${String(error.stderr || error.message).trim()}`,
    );
  }
}

/** A user the scripts create and delete: an email username (the pool signs in by email) and a password its policy accepts. */
export function throwAwayUser(label, random = randomBytes) {
  const tag = random(4).toString('hex');
  // The pool requires 12+ characters with lower case, upper case and a digit.
  return { email: `harbor-${label}-${tag}@example.com`, password: `Hb1-${random(12).toString('base64url')}` };
}

/** The three calls that create a confirmed user with a permanent password and sign it in, in order. */
export function signInCalls(target, { email, password }) {
  const pool = ['--region', target.region, '--user-pool-id', target.userPoolId];
  return [
    [
      'cognito-idp',
      'admin-create-user',
      ...pool,
      '--username',
      email,
      '--message-action',
      'SUPPRESS',
      '--user-attributes',
      `Name=email,Value=${email}`,
      'Name=email_verified,Value=true',
    ],
    ['cognito-idp', 'admin-set-user-password', ...pool, '--username', email, '--password', password, '--permanent'],
    [
      'cognito-idp',
      'admin-initiate-auth',
      ...pool,
      '--client-id',
      target.clientId,
      '--auth-flow',
      'ADMIN_USER_PASSWORD_AUTH',
      '--auth-parameters',
      `USERNAME=${email},PASSWORD=${password}`,
    ],
  ];
}

export const deleteUserCall = (target, email) => [
  'cognito-idp',
  'admin-delete-user',
  '--region',
  target.region,
  '--user-pool-id',
  target.userPoolId,
  '--username',
  email,
];

/**
 * The ID token of AdminInitiateAuth's answer: the REST API's Cognito authorizer (no scopes on its methods) and the
 * WebSocket's $connect authorizer accept it. A challenge instead of tokens means the user is not set up.
 */
export function idTokenOf(answer) {
  const token = answer?.AuthenticationResult?.IdToken;
  const instead = answer?.ChallengeName ? `the challenge ${answer.ChallengeName}` : 'no tokens';
  if (!token) throw new StepFailed(`Cognito answered ${instead} instead of signing the user in`);
  return token;
}

/** POST of the client-credentials grant to the pool's token endpoint (https://<domain>.auth.<region>.amazoncognito.com/oauth2/token). */
export function clientCredentialsRequest({ domain, region }, clientId, clientSecret, scopes) {
  if (!domain)
    throw new StepFailed(
      'the user pool has no Cognito domain: the inventory client cannot get tokens (infra/README.md, "Getting tokens")',
    );
  return {
    url: `https://${domain}.auth.${region}.amazoncognito.com/oauth2/token`,
    init: {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') }).toString(),
    },
  };
}

export const clientSecretCall = (target, clientId = target.inventoryClientId) => [
  'cognito-idp',
  'describe-user-pool-client',
  '--region',
  target.region,
  '--user-pool-id',
  target.userPoolId,
  '--client-id',
  clientId,
];

/** Orders' copy of one SKU's price (the orders-prices table), read consistently: has the catalog's event arrived? */
export const orderPriceCall = (target, sku) => [
  'dynamodb',
  'get-item',
  '--region',
  target.region,
  '--table-name',
  `harbor-${target.name}-orders-prices`,
  '--key',
  JSON.stringify({ sku: { S: sku } }),
  '--consistent-read',
];

/** The payment provider's credentials: the usage plan's API key (by name) and the webhook's HMAC secret. */
export const webhookCalls = (target) => ({
  apiKey: [
    'apigateway',
    'get-api-keys',
    '--region',
    target.region,
    '--name-query',
    `harbor-${target.name}-orders-payment-provider`,
    '--include-values',
  ],
  secret: [
    'secretsmanager',
    'get-secret-value',
    '--region',
    target.region,
    '--secret-id',
    `harbor-${target.name}-orders-payment-webhook`,
  ],
});

/** Tokens and credentials of one deployed environment; users it created are deleted by `cleanUp`. */
export function deployedAccess(target, { cli = awsCli, post = fetch } = {}) {
  const created = [];
  const clientToken = async (clientId, scopes) => {
    const secret = cli(clientSecretCall(target, clientId)).UserPoolClient?.ClientSecret;
    const { url, init } = clientCredentialsRequest(target, clientId, secret, scopes);
    const response = await post(url, { ...init, signal: AbortSignal.timeout(10_000) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.access_token)
      throw new StepFailed(`the token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
    return body.access_token;
  };
  return {
    async customerToken(label) {
      const user = throwAwayUser(label);
      const [create, setPassword, signIn] = signInCalls(target, user);
      cli(create);
      created.push(user.email);
      cli(setPassword);
      return idTokenOf(cli(signIn));
    },
    adminToken: () => clientToken(target.inventoryClientId, ['inventory/admin']),
    catalogAdminToken: () => clientToken(target.catalogClientId, ['catalog/admin']),
    async orderPriceVersion(sku) {
      return Number(cli(orderPriceCall(target, sku)).Item?.version?.N ?? 0);
    },
    webhookCredentials() {
      const calls = webhookCalls(target);
      const apiKey = cli(calls.apiKey).items?.[0]?.value;
      const secret = cli(calls.secret).SecretString;
      if (!apiKey) throw new StepFailed(`no API key named harbor-${target.name}-orders-payment-provider`);
      if (!secret)
        throw new StepFailed(
          `harbor-${target.name}-orders-payment-webhook has no value yet: put one (infra/README.md, "Secrets")`,
        );
      return { apiKey, secret };
    },
    cleanUp() {
      for (const email of created.splice(0)) cli(deleteUserCall(target, email));
    },
  };
}
