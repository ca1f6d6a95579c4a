import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployedServices, exampleServices, stackNames, type ServiceDefinition } from './declarations';
import { Naming } from './naming';
import { loadPlan, type TerraformPlan } from './terraform-plan';
import { workspaceRoot } from './workspace';

/** Environments whose data must survive a mistaken destroy: point-in-time recovery and deletion protection. */
const PROTECTED_ENVIRONMENTS = new Set(['prod']);

/** One planned root and the declarations it must deploy. */
export interface PlanCase {
  readonly id: string;
  readonly environment: string;
  readonly services: readonly ServiceDefinition[];
  readonly protectedData: boolean;
  readonly plan: TerraformPlan;
  readonly naming: Naming;
}

const subdirectories = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];

function planCase(id: string, environment: string, services: readonly ServiceDefinition[]): PlanCase {
  const plan = loadPlan(id);
  return {
    id,
    environment,
    services,
    protectedData: PROTECTED_ENVIRONMENTS.has(environment),
    plan,
    naming: new Naming(environment, plan),
  };
}

/** The environment a stack example deploys as (its `environment = "..."` argument). */
function exampleEnvironment(exampleDir: string): string {
  const match = /\benvironment\s*=\s*"([a-z][a-z0-9]*)"/.exec(readFileSync(join(exampleDir, 'main.tf'), 'utf8'));
  if (!match) throw new Error(`${exampleDir}/main.tf sets no environment = "<name>"`);
  return match[1];
}

/**
 * Every plan that deploys declarations: infra/envs/* with apps/<service>/api (what the local cloud runs), and
 * each stack example with its own api/ folder (declarations the services do not use yet).
 */
export function planCases(): PlanCase[] {
  const envs = subdirectories(join(workspaceRoot, 'infra', 'envs')).map((env) =>
    planCase(`envs-${env}`, env, deployedServices()),
  );
  const examples = stackNames().flatMap((stack) => {
    const examplesDir = join(workspaceRoot, 'infra', 'services', stack, 'examples');
    return subdirectories(examplesDir)
      .filter((example) => existsSync(join(examplesDir, example, 'api')))
      .map((example) => {
        const dir = join(examplesDir, example);
        return planCase(
          `services-${stack}-examples-${example}`,
          exampleEnvironment(dir),
          exampleServices(stack, join(dir, 'api')),
        );
      });
  });
  return [...envs, ...examples];
}

/** For describe.each: [id, case]. */
export const eachPlanCase = (): (readonly [string, PlanCase])[] =>
  planCases().map((planCase) => [planCase.id, planCase] as const);
