// Where the demo and the smoke test send their requests. Local: the ports `npm start` listens on (the same HARBOR_*
// variables it reads). A deployed environment (`--target <env>`): the outputs of `terraform output -json` of
// infra/envs/<env>, so the scripts follow whatever the last `terraform apply` created instead of typed-in URLs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** `--target dev` or `--target=dev` → 'dev'; undefined without it (the local cloud). */
export function targetArgument(argv) {
  const at = argv.findIndex((arg) => arg === '--target' || arg.startsWith('--target='));
  if (at === -1) return undefined;
  const value = argv[at].includes('=') ? argv[at].slice('--target='.length) : argv[at + 1];
  if (!value || value.startsWith('--'))
    throw new Error('--target needs an environment name, e.g. --target dev (a folder of infra/envs)');
  return value;
}

/** The local cloud's endpoints, as `npm start` prints them. */
export function localTarget(env = process.env) {
  const host = env.HARBOR_HOST ?? '127.0.0.1';
  const port = (name, fallback) => env[name] || fallback;
  const stage = parse(readFileSync(resolve(root, 'apps/notifications/api/websocket.yaml'), 'utf8')).stage;
  return {
    kind: 'local',
    name: env.HARBOR_ENV ?? 'local',
    rest: `http://${host}:${port('HARBOR_REST_PORT', 3000)}`,
    httpApi: `http://${host}:${port('HARBOR_HTTP_API_PORT', 3001)}`,
    // Every HTTP API shares one port locally; in AWS the catalog's is an API of its own.
    catalogApi: `http://${host}:${port('HARBOR_HTTP_API_PORT', 3001)}`,
    notifications: `ws://${host}:${port('HARBOR_WEBSOCKET_PORT', 3002)}/${stage}`,
    aws: `http://${host}:${port('HARBOR_AWS_PORT', 4566)}`,
    dynamodb: `http://${host}:${port('HARBOR_DYNAMODB_PORT', 8000)}`,
  };
}

// The outputs of infra/system/outputs.tf the scripts need, under the environment's one output `system`.
const NEEDED = {
  rest: 'orders_api_url',
  httpApi: 'inventory_api_url',
  catalogApi: 'catalog_api_url',
  notifications: 'notifications_websocket_url',
  userPoolId: 'orders_user_pool_id',
  clientId: 'orders_user_pool_client_id',
  inventoryClientId: 'inventory_client_id',
  catalogClientId: 'catalog_client_id',
};

/** Endpoints and Cognito ids of environment `name` from a parsed `terraform output -json` document. */
export function resolveTarget(name, outputs) {
  const system = outputs?.system?.value;
  if (!system || typeof system !== 'object') {
    throw new Error(
      `terraform output of infra/envs/${name} has no output "system": was \`terraform apply\` run there?`,
    );
  }
  const found = { kind: 'aws', name };
  for (const [key, output] of Object.entries(NEEDED)) {
    const value = system[output];
    if (typeof value !== 'string' || value === '')
      throw new Error(`terraform output of infra/envs/${name} is missing system.${output}`);
    found[key] = value.replace(/\/+$/, '');
  }
  // Only a pool the orders stack created has a domain Terraform knows; a pool passed in may have its own.
  found.domain =
    typeof system.orders_user_pool_domain === 'string' && system.orders_user_pool_domain !== ''
      ? system.orders_user_pool_domain
      : undefined;
  // A user pool id is "<region>_<id>": Cognito's endpoints are in that region.
  found.region = found.userPoolId.split('_')[0];
  return found;
}

/** Runs `terraform -chdir=infra/envs/<name> output -json` (after `terraform init`: the state must be reachable) and resolves it. */
export function terraformTarget(name, run = execFileSync) {
  let text;
  try {
    const args = [`-chdir=${resolve(root, 'infra/envs', name)}`, 'output', '-json', '-no-color'];
    text = run('terraform', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(
      `\`terraform -chdir=infra/envs/${name} output -json\` failed: ${String(error.stderr || error.message).trim()}`,
    );
  }
  return resolveTarget(name, JSON.parse(text));
}
