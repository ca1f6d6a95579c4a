import { join } from 'node:path';
import { offlineSecrets, requiredArtifacts } from '../../terraform/lib/roots.mjs';
import {
  stageWorkspace,
  writeCliConfig,
  writeOfflineOverrides,
  writePlaceholderZip,
} from '../../terraform/lib/staging.mjs';
import { terraform, terraformEnv } from '../../terraform/lib/terraform.mjs';
import { findProviderMirror, findTerraform } from '../../terraform/lib/toolchain.mjs';

// The offline values tools/terraform/check.mjs plans environments with.
const OFFLINE_REGION = 'eu-west-1';
const OFFLINE_ACCOUNT_ID = '000000000000';
export const OFFLINE_USER_POOL_ARN = `arn:aws:cognito-idp:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:userpool/${OFFLINE_REGION}_offline`;

export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly values: Record<string, unknown>;
}

/**
 * Plans infra/envs/<env> of a workspace offline as the Terraform check does (staged copy, offline provider, local
 * backend, placeholder zips for every declared function) and answers the resources it would create. Throws
 * naming Terraform or the provider mirror when either is missing: it never passes without planning. `passUserPool:
 * false` plans the path a new team takes first: no user pool passed, so the environment creates one.
 */
export async function planEnvironment(
  workspace: string,
  workDir: string,
  env = 'dev',
  { passUserPool = true } = {},
): Promise<PlannedResource[]> {
  findTerraform();
  const mirror = findProviderMirror();
  const staging = join(workDir, 'staging');
  stageWorkspace(workspace, staging);
  const artifacts = join(workDir, 'artifacts');
  for (const zip of requiredArtifacts(workspace)) writePlaceholderZip(join(artifacts, zip));
  const dir = join(staging, 'infra', 'envs', env);
  writeOfflineOverrides(dir, { hasBackend: true });
  const cli = writeCliConfig(join(workDir, 'terraform.rc'), join(workDir, 'plugin-cache'));
  const tfEnv = terraformEnv(join(workDir, 'data'), cli);
  const planFile = join(workDir, `${env}.tfplan`);
  const vars = [
    `account_id=${OFFLINE_ACCOUNT_ID}`,
    `region=${OFFLINE_REGION}`,
    `artifacts_dir=${artifacts}`,
    // Without it the orders stack creates the pool, whose id is known only after apply: a fresh account's first plan.
    ...(passUserPool ? [`cognito_user_pool_arn=${OFFLINE_USER_POOL_ARN}`] : []),
    `secret_environment=${JSON.stringify(offlineSecrets(workspace))}`,
  ];
  await terraform(['init', '-input=false', '-no-color', '-lockfile=readonly', `-plugin-dir=${mirror}`], {
    cwd: dir,
    env: tfEnv,
    label: `infra/envs/${env}`,
  });
  await terraform(
    [
      'plan',
      '-refresh=false',
      '-input=false',
      '-lock=false',
      '-no-color',
      `-out=${planFile}`,
      ...vars.map((v) => `-var=${v}`),
    ],
    { cwd: dir, env: tfEnv, label: `infra/envs/${env}` },
  );
  const show = await terraform(['show', '-json', '-no-color', planFile], {
    cwd: dir,
    env: tfEnv,
    label: `infra/envs/${env}`,
  });
  const plan = JSON.parse(show.stdout) as {
    resource_changes?: {
      address: string;
      type: string;
      mode: string;
      change: { actions: string[]; after: Record<string, unknown> | null };
    }[];
  };
  return (plan.resource_changes ?? [])
    .filter((change) => change.mode === 'managed' && change.change.actions.includes('create'))
    .map((change) => ({ address: change.address, type: change.type, values: change.change.after ?? {} }));
}
