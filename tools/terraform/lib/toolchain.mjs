// Finds what the offline Terraform checks need on this machine, and fails naming what is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const REQUIRED_TERRAFORM = [1, 11];
export const PROVIDER_PATH = ['registry.terraform.io', 'hashicorp', 'aws'];
const REQUIRED_PROVIDER_MAJOR = 5;
const REQUIRED_PROVIDER_MINOR = 100;
const SEARCH_DEPTH = 3;

export class ToolchainError extends Error {
  name = 'ToolchainError';
}

export function findTerraform() {
  const probe = spawnSync('terraform', ['version', '-json'], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
  if (probe.error) {
    throw new ToolchainError(
      `Terraform was not found on PATH (${probe.error.code}): the infra checks need Terraform >= ${REQUIRED_TERRAFORM.join('.')}.`,
    );
  }
  const version = JSON.parse(probe.stdout).terraform_version;
  const [major, minor] = version.split('.').map(Number);
  if (major < REQUIRED_TERRAFORM[0] || (major === REQUIRED_TERRAFORM[0] && minor < REQUIRED_TERRAFORM[1])) {
    throw new ToolchainError(
      `Terraform ${version} is too old: the infra checks need >= ${REQUIRED_TERRAFORM.join('.')}.`,
    );
  }
  return version;
}

function providerVersions(mirrorRoot) {
  const dir = join(mirrorRoot, ...PROVIDER_PATH);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => {
    const [major, minor] = name.split('.').map(Number);
    return major === REQUIRED_PROVIDER_MAJOR && minor >= REQUIRED_PROVIDER_MINOR;
  });
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Breadth-first search for a folder holding registry.terraform.io/hashicorp/aws, a few levels deep. */
function searchMirror(root) {
  let frontier = [root];
  for (let depth = 0; depth <= SEARCH_DEPTH && frontier.length > 0; depth += 1) {
    const next = [];
    for (const dir of frontier) {
      if (isDirectory(join(dir, ...PROVIDER_PATH))) return dir;
      let entries = [];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries)
        if (entry.isDirectory() && !entry.name.startsWith('.')) next.push(join(dir, entry.name));
    }
    frontier = next;
  }
  return undefined;
}

export function candidateMirrorRoots() {
  return [
    '/opt',
    '/usr/local/share',
    '/usr/share',
    join(homedir(), '.terraform.d'),
    join(homedir(), '.local', 'share', 'terraform'),
  ];
}

/** The mirror root: TF_PLUGIN_MIRROR if set (and valid), else the first likely root that holds the aws provider. */
export function findProviderMirror(env = process.env, roots = candidateMirrorRoots()) {
  const wanted = `hashicorp/aws ${REQUIRED_PROVIDER_MAJOR}.${REQUIRED_PROVIDER_MINOR}+`;
  if (env.TF_PLUGIN_MIRROR) {
    if (providerVersions(env.TF_PLUGIN_MIRROR).length === 0) {
      throw new ToolchainError(
        `TF_PLUGIN_MIRROR=${env.TF_PLUGIN_MIRROR} holds no ${wanted} under ${PROVIDER_PATH.join('/')}/ (a filesystem mirror is needed: the registry is not used).`,
      );
    }
    return env.TF_PLUGIN_MIRROR;
  }
  for (const root of roots.filter(isDirectory)) {
    const found = searchMirror(root);
    if (found && providerVersions(found).length > 0) return found;
  }
  throw new ToolchainError(
    `No Terraform provider mirror with ${wanted} was found (searched ${roots.join(', ')} ${SEARCH_DEPTH} levels deep ` +
      `for ${PROVIDER_PATH.join('/')}). Set TF_PLUGIN_MIRROR to the folder that contains registry.terraform.io/.`,
  );
}
