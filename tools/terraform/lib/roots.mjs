// What the check covers, found from the layout: roots (infra/modules/*/examples/*, infra/services/*/examples/*,
// infra/envs/*) get init + validate + plan + show; modules and stacks with tests/*.tftest.hcl get terraform test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

const subdirectories = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];

const idOf = (workspace, dir) => relative(join(workspace, 'infra'), dir).replace(/[\\/]/g, '-');

/** @returns {{ id: string, dir: string, kind: 'example' | 'env' }[]} dirs relative to the workspace */
export function findRoots(workspace) {
  const infra = join(workspace, 'infra');
  const examples = ['modules', 'services'].flatMap((parent) =>
    subdirectories(join(infra, parent)).flatMap((name) =>
      subdirectories(join(infra, parent, name, 'examples')).map((example) => {
        const dir = join(infra, parent, name, 'examples', example);
        return { id: idOf(workspace, dir), dir: relative(workspace, dir), kind: 'example' };
      }),
    ),
  );
  const envs = subdirectories(join(infra, 'envs')).map((env) => {
    const dir = join(infra, 'envs', env);
    return { id: idOf(workspace, dir), dir: relative(workspace, dir), kind: 'env' };
  });
  // infra/bootstrap: the state bucket and the pipeline's roles, applied once per account before any environment.
  const bootstrap = existsSync(join(infra, 'bootstrap'))
    ? [{ id: 'bootstrap', dir: relative(workspace, join(infra, 'bootstrap')), kind: 'bootstrap' }]
    : [];
  return [...envs, ...bootstrap, ...examples];
}

/** Modules and stacks that carry `terraform test` files. */
export function findTestedModules(workspace) {
  const infra = join(workspace, 'infra');
  return ['modules', 'services'].flatMap((parent) =>
    subdirectories(join(infra, parent))
      .map((name) => join(infra, parent, name))
      .filter(
        (dir) =>
          subdirectories(dir).includes('tests') &&
          readdirSync(join(dir, 'tests')).some((file) => file.endsWith('.tftest.hcl')),
      )
      .map((dir) => ({ id: `test-${idOf(workspace, dir)}`, dir: relative(workspace, dir) })),
  );
}

const functionKeys = (file) =>
  existsSync(file) ? Object.keys(parse(readFileSync(file, 'utf8'))?.functions ?? {}) : [];

/** Zips the env plans need: <service>/<functionKey>.zip for every function of every service with a stack. */
export function requiredArtifacts(workspace) {
  return subdirectories(join(workspace, 'infra', 'services')).flatMap((service) =>
    functionKeys(join(workspace, 'apps', service, 'api', 'functions.yaml')).map((key) => join(service, `${key}.zip`)),
  );
}

/**
 * Function keys declared by the stacks' own example declarations and by the test fixtures of stacks and modules
 * (they plan with placeholder zips).
 */
export function exampleFunctionKeys(workspace) {
  const infra = join(workspace, 'infra');
  const fixtures = (dir) =>
    subdirectories(join(dir, 'tests', 'fixtures')).map((fixture) =>
      join(dir, 'tests', 'fixtures', fixture, 'functions.yaml'),
    );
  const services = join(infra, 'services');
  const files = [
    ...subdirectories(services).flatMap((service) => [
      ...subdirectories(join(services, service, 'examples')).map((example) =>
        join(services, service, 'examples', example, 'api', 'functions.yaml'),
      ),
      ...fixtures(join(services, service)),
    ]),
    ...subdirectories(join(infra, 'modules')).flatMap((module) => fixtures(join(infra, 'modules', module))),
  ];
  return [...new Set(files.flatMap(functionKeys))].sort();
}

/**
 * Stand-in values for the environment variables of every function of every service with a stack, by service and
 * function key: env plans pass them as `secret_environment`, and the stacks take those their naming marks as secrets.
 */
export function offlineSecrets(workspace) {
  const services = subdirectories(join(workspace, 'infra', 'services'));
  return Object.fromEntries(
    services.flatMap((service) => {
      const file = join(workspace, 'apps', service, 'api', 'functions.yaml');
      if (!existsSync(file)) return [];
      const functions = parse(readFileSync(file, 'utf8'))?.functions ?? {};
      const secrets = Object.fromEntries(
        Object.entries(functions).map(([key, fn]) => [
          key,
          Object.fromEntries(
            Object.keys(fn?.environment ?? {}).map((name) => [name, `offline-stand-in-for-${service}.${key}.${name}`]),
          ),
        ]),
      );
      return [[service, secrets]];
    }),
  );
}
