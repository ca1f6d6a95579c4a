// The offline Terraform check (Nx target infra:tf-check): fmt, then init + validate + plan + show -json of every
// root (module and stack examples, environments) and `terraform test` of every module and stack with tests, all in
// one bounded pool. Plans land in dist/infra/<root>.plan.json for the Jest tests in infra/test. No AWS account and
// no registry: the provider comes from a filesystem mirror (TF_PLUGIN_MIRROR, or found in the usual places).
//
//   node tools/terraform/check.mjs [--update-lock-files] [--no-cache] [filter...]
//
// A filter keeps the jobs whose folder contains it (e.g. `envs/dev`). One line per job; full output only on failure.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestOf, jobKey } from './lib/job-cache.mjs';
import { runPool } from './lib/pool.mjs';
import { describeJob, seconds } from './lib/report.mjs';
import { ResultStore } from './lib/results.mjs';
import { exampleFunctionKeys, findRoots, findTestedModules, offlineSecrets, requiredArtifacts } from './lib/roots.mjs';
import { stageWorkspace, writeCliConfig, writeOfflineOverrides, writePlaceholderZip } from './lib/staging.mjs';
import { terraform, terraformEnv } from './lib/terraform.mjs';
import { findProviderMirror, findTerraform, PROVIDER_PATH } from './lib/toolchain.mjs';

const toolDir = dirname(fileURLToPath(import.meta.url));
const workspace = resolve(toolDir, '../..');
const checkDir = join(workspace, 'tmp', 'terraform-check');
const stagingDir = join(checkDir, 'staging');
const dataRoot = join(checkDir, 'data');
const cliConfig = join(checkDir, 'terraform.rc');
const outDir = join(workspace, 'dist', 'infra');
const artifactsDir = resolve(workspace, process.env.TF_ARTIFACTS_DIR ?? 'dist/apps');
const LOCK_FILE = '.terraform.lock.hcl';

const args = process.argv.slice(2);
const updateLockFiles = args.includes('--update-lock-files');
const useCache = !args.includes('--no-cache') && process.env.TF_CHECK_CACHE !== '0';
const filters = args.filter((arg) => !arg.startsWith('--'));
// Each terraform process keeps more than one core busy while it loads the provider: one job per core.
const concurrency = Math.max(1, Number(process.env.TF_CHECK_CONCURRENCY ?? Math.min(4, availableParallelism())));

// Env plans use a fixed account and an existing user pool, so every ARN in the REST API body is known at plan time.
const OFFLINE_REGION = 'eu-west-1';
const OFFLINE_ACCOUNT_ID = '000000000000';
const OFFLINE_USER_POOL_ARN = `arn:aws:cognito-idp:${OFFLINE_REGION}:${OFFLINE_ACCOUNT_ID}:userpool/${OFFLINE_REGION}_offline`;
const OFFLINE_GITHUB_REPOSITORY = 'example-org/harbor'; // the repository the bootstrap roles trust in the offline plan

const declaresVariable = (dir, name) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.tf'))
    .some((file) => new RegExp(`variable\\s+"${name}"`).test(readFileSync(join(dir, file), 'utf8')));

class CheckError extends Error {
  name = 'CheckError';
}

function checkArtifacts() {
  const missing = requiredArtifacts(workspace).filter((zip) => !existsSync(join(artifactsDir, zip)));
  if (missing.length > 0) {
    throw new CheckError(
      `Missing Lambda packages in ${artifactsDir}: ${missing.join(', ')}.\n` +
        'Build them (npx nx run <service>:build, which tf-check depends on) or point TF_ARTIFACTS_DIR at a folder holding <service>/<functionKey>.zip.',
    );
  }
}

/** Placeholder zips for the functions the stacks' examples and test fixtures declare. */
function writePlaceholderArtifacts(dir) {
  rmSync(dir, { recursive: true, force: true });
  for (const key of exampleFunctionKeys(workspace)) writePlaceholderZip(join(dir, `${key}.zip`));
  return dir;
}

/** Variables each kind of root is planned with; examples only get those they declare. */
function variablesFor(root, dir, context) {
  if (root.kind === 'env') {
    return [
      `account_id=${OFFLINE_ACCOUNT_ID}`,
      `region=${OFFLINE_REGION}`,
      `artifacts_dir=${artifactsDir}`,
      // The `-new-pool` plan passes only what infra/README.md tells a new user to pass: the pool is created.
      ...(root.newUserPool ? [] : [`cognito_user_pool_arn=${OFFLINE_USER_POOL_ARN}`]),
      // JSON is valid HCL: stand-ins for the secrets the real deployment reads from Secrets Manager.
      `secret_environment=${JSON.stringify(offlineSecrets(workspace))}`,
    ];
  }
  if (root.kind === 'bootstrap')
    return [
      `account_id=${OFFLINE_ACCOUNT_ID}`,
      `region=${OFFLINE_REGION}`,
      `github_repository=${OFFLINE_GITHUB_REPOSITORY}`,
    ];
  return [
    ...(declaresVariable(dir, 'zip_path') ? [`zip_path=${context.placeholderZip}`] : []),
    ...(declaresVariable(dir, 'artifacts_dir') ? [`artifacts_dir=${context.placeholderArtifacts}`] : []),
  ];
}

const artifactFiles = (root) =>
  root.kind === 'env' ? requiredArtifacts(workspace).map((zip) => join(artifactsDir, zip)) : [];

function requireLockFile(root) {
  if (!existsSync(join(workspace, root.dir, LOCK_FILE))) {
    throw new CheckError(
      `${root.dir} has no ${LOCK_FILE}: every root commits one. Create it with \`node tools/terraform/check.mjs --update-lock-files ${root.dir}\` and commit it.`,
    );
  }
}

/** Variables and cache key of a job, computed for all jobs before any runs (init writes files into staging). */
function prepare(job, context) {
  const dir = join(stagingDir, job.dir);
  const vars = job.kind === 'test' ? variablesFor({ kind: 'example' }, dir, context) : variablesFor(job, dir, context);
  const key = jobKey({
    stagingRoot: stagingDir,
    dir: job.dir,
    extraFiles: artifactFiles(job),
    salt: { ...context.salt, kind: job.kind, vars },
  });
  return { ...job, vars, key, cached: useCache ? context.results.reusable(job.id, key) : undefined };
}

async function checkRoot(root, context) {
  const { vars, key, cached } = root;
  const dir = join(stagingDir, root.dir);
  if (cached) {
    cpSync(context.results.planFile(root.id), join(outDir, `${root.id}.plan.json`));
    return { ...cached, cached: true };
  }
  if (!updateLockFiles) requireLockFile(root);
  const env = terraformEnv(join(dataRoot, root.id), cliConfig);
  const planFile = join(checkDir, 'plans', `${root.id}.tfplan`);
  const label = root.dir;
  writeOfflineOverrides(dir, { hasBackend: root.kind === 'env' });
  const lockMode = updateLockFiles ? [] : ['-lockfile=readonly'];
  const init = await terraform(['init', '-input=false', '-no-color', ...lockMode, `-plugin-dir=${context.mirror}`], {
    cwd: dir,
    env,
    label,
  });
  if (updateLockFiles) cpSync(join(dir, LOCK_FILE), join(workspace, root.dir, LOCK_FILE));
  const validate = await terraform(['validate', '-no-color'], { cwd: dir, env, label });
  const plan = await terraform(
    [
      'plan',
      '-refresh=false',
      '-input=false',
      '-lock=false',
      '-no-color',
      `-out=${planFile}`,
      ...vars.map((v) => `-var=${v}`),
    ],
    { cwd: dir, env, label },
  );
  const show = await terraform(['show', '-json', '-no-color', planFile], { cwd: dir, env, label });
  writeFileSync(join(outDir, `${root.id}.plan.json`), show.stdout);
  const changes = JSON.parse(show.stdout).resource_changes ?? [];
  const resourcesToCreate = changes.filter(
    (change) => change.mode === 'managed' && change.change.actions.includes('create'),
  ).length;
  const timings = { init: init.ms, validate: validate.ms, plan: plan.ms, show: show.ms };
  const result = {
    key,
    id: root.id,
    dir: root.dir,
    plan: true,
    resourcesToCreate,
    timings,
    ms: Object.values(timings).reduce((a, b) => a + b, 0),
  };
  context.results.save(root.id, result, show.stdout);
  return result;
}

async function testModule(module, context) {
  const { vars, key, cached } = module;
  const dir = join(stagingDir, module.dir);
  if (cached) return { ...cached, cached: true };
  const env = terraformEnv(join(dataRoot, module.id), cliConfig);
  const label = `${module.dir} (terraform test)`;
  const init = await terraform(
    ['init', '-input=false', '-no-color', '-backend=false', `-plugin-dir=${context.mirror}`],
    { cwd: dir, env, label },
  );
  const run = await terraform(['test', '-no-color', ...vars.map((v) => `-var=${v}`)], { cwd: dir, env, label });
  const summary = run.stdout.trim().split('\n').at(-1);
  const result = {
    key,
    id: module.id,
    dir: module.dir,
    summary,
    timings: { init: init.ms, test: run.ms },
    ms: init.ms + run.ms,
  };
  context.results.save(module.id, result);
  return result;
}

/** Longest first (from the last run's timings), so the pool does not end on one long job. */
function byExpectedDuration(jobs, results) {
  const expected = (job) =>
    job.cached
      ? 0
      : (results.lastDuration(job.id) ?? (job.kind === 'env' ? 30000 : job.dir.includes('services') ? 25000 : 15000));
  return [...jobs].sort((a, b) => expected(b) - expected(a));
}

// Seen once in 24 jobs on a loaded machine: a plan found its provider package gone from the shared plugin cache
// ("could not read package directory ... no such file or directory") while another job's init was installing
// into it. The job is run once more; any other failure, or the same one twice, fails the check.
const PROVIDER_RACE = /could not read package directory/;

async function primePluginCache(mirror) {
  // The plugin cache is not safe for concurrent writers: fill it once before the pool starts.
  const dir = join(checkDir, 'prime');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'versions.tf'),
    'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n',
  );
  await terraform(['init', '-input=false', '-no-color', `-plugin-dir=${mirror}`], {
    cwd: dir,
    env: terraformEnv(join(dataRoot, 'prime'), cliConfig),
    label: 'plugin cache',
  });
}

async function main() {
  const started = performance.now();
  const terraformVersion = findTerraform();
  const mirror = findProviderMirror();
  const providerVersions = readdirSync(join(mirror, ...PROVIDER_PATH)).sort();
  console.log(
    `terraform ${terraformVersion}; hashicorp/aws ${providerVersions.join(', ')} from the filesystem mirror ${mirror}`,
  );
  checkArtifacts();

  mkdirSync(checkDir, { recursive: true });
  writeCliConfig(cliConfig, join(checkDir, 'plugin-cache'));
  const fmtStarted = performance.now();
  await terraform(['fmt', '-check', '-recursive', '-diff', '-no-color', 'infra'], {
    cwd: workspace,
    env: terraformEnv(join(dataRoot, 'fmt'), cliConfig),
    label: 'fmt',
  });
  console.log(`fmt: every file is formatted (${seconds(performance.now() - fmtStarted)})`);

  const selected = (job) => filters.length === 0 || filters.some((filter) => job.dir.includes(filter));
  // Every environment is planned twice: with an existing user pool, and with none (the orders stack creates it).
  const roots = findRoots(workspace)
    .flatMap((root) =>
      root.kind === 'env' ? [root, { ...root, id: `${root.id}-new-pool`, newUserPool: true }] : [root],
    )
    .filter(selected);
  const tested = findTestedModules(workspace)
    .map((module) => ({ ...module, kind: 'test' }))
    .filter(selected);
  if (roots.length + tested.length === 0)
    throw new CheckError(`No root or tested module matches ${filters.join(', ')}.`);
  if (filters.length === 0) rmSync(outDir, { recursive: true, force: true });
  for (const dir of [outDir, join(checkDir, 'plans')]) mkdirSync(dir, { recursive: true });
  stageWorkspace(workspace, stagingDir);
  const context = {
    mirror,
    results: new ResultStore(join(checkDir, 'results')),
    placeholderZip: writePlaceholderZip(join(checkDir, 'placeholders', 'function.zip')),
    placeholderArtifacts: writePlaceholderArtifacts(join(checkDir, 'placeholders', 'artifacts')),
    salt: {
      terraformVersion,
      providerVersions,
      updateLockFiles,
      tool: digestOf([
        join(toolDir, 'check.mjs'),
        ...readdirSync(join(toolDir, 'lib'))
          .filter((file) => file.endsWith('.mjs'))
          .map((file) => join(toolDir, 'lib', file)),
      ]),
    },
  };
  const jobs = byExpectedDuration(
    [...roots, ...tested].map((job) => prepare(job, context)),
    context.results,
  );
  if (jobs.some((job) => !job.cached)) await primePluginCache(mirror);
  console.log(
    `${roots.length} roots (init, validate, plan -refresh=false, show -json) and ${tested.length} terraform test suites, ${concurrency} at a time:`,
  );
  const results = await runPool(jobs, concurrency, async (job) => {
    const run = () => (job.kind === 'test' ? testModule(job, context) : checkRoot(job, context));
    const result = await run()
      .catch((error) => {
        if (!PROVIDER_RACE.test(error.message)) throw error;
        console.log(
          `  retry ${job.dir}: its provider package vanished under it (a concurrent init in the shared plugin cache)`,
        );
        return run();
      })
      .then(
        (value) => ({ ok: true, value }),
        (error) => ({ ok: false, error }),
      );
    console.log(describeJob(job, result));
    if (!result.ok) throw result.error;
    return result.value;
  });

  const failures = results.flatMap((result, index) => (result.ok ? [] : [{ job: jobs[index], error: result.error }]));
  const totalMs = performance.now() - started;
  const summary = {
    terraformVersion,
    providerVersions,
    concurrency,
    totalMs: Math.round(totalMs),
    jobs: results.map((result) => (result.ok ? result.value : { failed: true })),
  };
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  if (failures.length > 0) {
    for (const { job, error } of failures)
      console.error(`\n--- ${job.dir}${job.kind === 'test' ? ' (terraform test)' : ''}\n${error.message}`);
    throw new CheckError(`${failures.length} of ${jobs.length} jobs failed (output above).`);
  }
  console.log(`Terraform check passed in ${seconds(totalMs)} (summary in dist/infra/summary.json)`);
}

main().catch((error) => {
  console.error(`Terraform check FAILED: ${error.message}`);
  process.exitCode = 1;
});
