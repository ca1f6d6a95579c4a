// A throw-away copy of infra/ and the service declarations, where each root gets the offline overrides:
// fake credentials and skip flags for the provider, a local backend instead of S3. The committed files stay as they are.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';

export const OFFLINE_OVERRIDE_FILE = 'offline_override.tf';

const OFFLINE_PROVIDER = `# Written by tools/terraform/check.mjs: plan offline with dummy credentials and no AWS calls.
provider "aws" {
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  allowed_account_ids         = null
}
`;

const LOCAL_BACKEND = `
terraform {
  backend "local" {}
}
`;

/** Never copy local Terraform state, plans or provider folders someone left in the source tree. */
const isLocalState = (source) => /[\\/]\.terraform([\\/]|$)|\.tfstate|\.tfplan$/.test(source);

export function stageWorkspace(workspace, stagingDir) {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  cpSync(join(workspace, 'infra'), join(stagingDir, 'infra'), {
    recursive: true,
    filter: (source) => !isLocalState(source),
  });
  const apps = join(workspace, 'apps');
  for (const app of readdirSync(apps)) {
    const api = join(apps, app, 'api');
    if (existsSync(api)) cpSync(api, join(stagingDir, 'apps', app, 'api'), { recursive: true });
  }
}

export function writeOfflineOverrides(rootDir, { hasBackend }) {
  writeFileSync(join(rootDir, OFFLINE_OVERRIDE_FILE), hasBackend ? OFFLINE_PROVIDER + LOCAL_BACKEND : OFFLINE_PROVIDER);
}

/**
 * The CLI configuration of every terraform call: a plugin cache shared by all roots (a packed mirror is unpacked
 * once, an unpacked one is only linked), and no checkpoint calls.
 */
export function writeCliConfig(path, pluginCacheDir) {
  mkdirSync(pluginCacheDir, { recursive: true });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `plugin_cache_dir = ${JSON.stringify(pluginCacheDir)}\ndisable_checkpoint = true\n`);
  return path;
}

/** A minimal deployment package for examples and tests: only hashed by Terraform, never deployed. */
export function writePlaceholderZip(path) {
  const code = new TextEncoder().encode('exports.handler = async () => ({ statusCode: 200, body: "placeholder" });\n');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, zipSync({ 'index.js': [code, { mtime: new Date('2020-01-01T00:00:00Z') }] }));
  return path;
}
