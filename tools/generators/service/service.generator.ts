import { formatFiles, generateFiles, names, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { afterwards, regenerateAccess } from '../access-callback';
import { regenerateContracts } from '../contracts-callback';
import { addCodeOwners } from './code-owners';
import { ServiceGeneratorError } from './service-generator.error';
import { addServiceToEslint, addServiceToSystem, exportFromContracts } from './workspace-edits';

export interface ServiceGeneratorSchema {
  /** kebab-case: apps/<name>, libs/<name>, scope:<name>. */
  readonly name: string;
  /** CODEOWNERS owners of the service's folders; default @harbor/<name>-team. */
  readonly owners?: string;
}

const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Scopes and folders that already mean something else. */
const RESERVED = new Set(['contracts', 'platform', 'shared', 'local-cloud', 'tools', 'infra', 'docs']);
/** What a generated function starts with; `npm run bench` shows the real size to tighten it to. */
const DEFAULT_BUDGET_KIB = 920;

/** The names a template needs, from the service name `loyalty-points`: LoyaltyPoints, loyaltyPoints, LOYALTY_POINTS. */
export function serviceNames(name: string) {
  const { className, propertyName, constantName } = names(name);
  return { name, className, propertyName, constantName };
}

function validate(tree: Tree, name: string): void {
  if (!SERVICE_NAME.test(name))
    throw new ServiceGeneratorError(
      `service name "${name}" must be kebab case: lower-case letters and digits, words joined by "-"`,
    );
  if (RESERVED.has(name))
    throw new ServiceGeneratorError(`"${name}" is not a service name: scope:${name} already means something else`);
  const taken = [`apps/${name}`, `libs/${name}`, `infra/services/${name}`].filter((path) => tree.exists(path));
  if (taken.length > 0) throw new ServiceGeneratorError(`service "${name}" exists already (${taken.join(', ')})`);
}

/**
 * `npx nx g @harbor/tools:service <name>`: a complete service that lints, typechecks, tests, bundles within its
 * budget, is served by the local cloud and planned by Terraform as generated. It publishes through a transactional
 * outbox from birth (the repository writes an item and its events in one transaction; the table's stream feeds the
 * publishOutbox relay, which puts them on the bus), so no event of it is ever lost or sent without its change. The
 * callback regenerates docs/contracts, which hold every service's documents.
 */
export async function serviceGenerator(tree: Tree, options: ServiceGeneratorSchema): Promise<GeneratorCallback> {
  validate(tree, options.name);
  const service = serviceNames(options.name);
  const owners = options.owners?.trim() || `@harbor/${service.name}-team`;

  generateFiles(tree, join(__dirname, 'files'), '.', { ...service, tmpl: '' });
  exportFromContracts(tree, service);

  updateJson(tree, 'tsconfig.base.json', (json) => {
    const paths: Record<string, string[]> = (json.compilerOptions.paths ??= {});
    for (const layer of ['domain', 'application', 'adapters'])
      paths[`@harbor/${service.name}-${layer}`] = [`./libs/${service.name}/${layer}/src/index.ts`];
    // Test doubles have their own entry point, so production code never bundles them.
    paths[`@harbor/${service.name}-application/testing`] = [`./libs/${service.name}/application/src/testing/index.ts`];
    return json;
  });
  updateJson(tree, 'tools/bench/bundle-budgets.json', (budgets) => ({
    ...budgets,
    [service.name]: {
      getItem: { maxMinifiedKiB: DEFAULT_BUDGET_KIB },
      publishOutbox: { maxMinifiedKiB: DEFAULT_BUDGET_KIB },
    },
  }));
  addServiceToEslint(tree, service.name);
  addServiceToSystem(tree, service.name);
  addCodeOwners(tree, service.name, owners);

  // Generated code passes the workspace's format check (lint) as written by hand does.
  await formatFiles(tree);
  return afterwards(regenerateContracts(tree), regenerateAccess(tree));
}

export default serviceGenerator;
