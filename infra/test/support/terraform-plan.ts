import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace';

/** Where `nx run infra:tf-check` writes `terraform show -json` of every planned root. */
export const planDir = join(workspaceRoot, 'dist', 'infra');

type Values = Record<string, unknown>;

interface ResourceChangeJson {
  readonly address: string;
  readonly module_address?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly change: {
    readonly actions: readonly string[];
    readonly after: Values | null;
    readonly after_unknown?: Values;
  };
}

interface PlanJson {
  readonly variables?: Record<string, { readonly value: unknown }>;
  readonly resource_changes?: readonly ResourceChangeJson[];
}

/** A resource the plan creates or keeps: its configured values and which attributes stay unknown until apply. */
export interface PlannedResource {
  readonly address: string;
  readonly moduleAddress: string;
  readonly type: string;
  readonly name: string;
  readonly index: string | number | undefined;
  readonly values: Values;
  readonly unknown: Values;
}

function toPlannedResource(change: ResourceChangeJson): PlannedResource {
  return {
    address: change.address,
    moduleAddress: change.module_address ?? '',
    type: change.type,
    name: change.name,
    index: change.index,
    values: change.change.after ?? {},
    unknown: change.change.after_unknown ?? {},
  };
}

export class TerraformPlan {
  readonly resources: readonly PlannedResource[];
  /** Data sources Terraform could not read at plan time (their inputs are known only after apply). */
  readonly deferredReads: readonly PlannedResource[];

  constructor(
    readonly id: string,
    private readonly json: PlanJson,
  ) {
    const changes = json.resource_changes ?? [];
    this.resources = changes
      .filter(
        (change) =>
          change.mode === 'managed' && !change.change.actions.includes('delete') && change.change.after !== null,
      )
      .map(toPlannedResource);
    this.deferredReads = changes
      .filter((change) => change.mode === 'data' && change.change.actions.includes('read'))
      .map(toPlannedResource);
  }

  ofType(type: string): PlannedResource[] {
    return this.resources.filter((resource) => resource.type === type);
  }

  /** The one resource of a type whose attribute has the given value; fails naming what was looked for. */
  find(type: string, attribute: string, value: unknown): PlannedResource {
    const found = this.ofType(type).filter((resource) => resource.values[attribute] === value);
    if (found.length !== 1)
      throw new Error(`${this.id}: expected one ${type} with ${attribute} = ${String(value)}, found ${found.length}`);
    return found[0];
  }

  variable(name: string): unknown {
    const variable = this.json.variables?.[name];
    if (variable === undefined) throw new Error(`${this.id}: the plan has no variable ${name}`);
    return variable.value;
  }
}

export function isUnknown(resource: PlannedResource, attribute: string): boolean {
  return resource.unknown[attribute] === true;
}

export function loadPlan(id: string): TerraformPlan {
  const file = join(planDir, `${id}.plan.json`);
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: run \`npx nx run infra:tf-check\` (the test target depends on it) to plan offline first.`,
    );
  }
  return new TerraformPlan(id, JSON.parse(readFileSync(file, 'utf8')) as PlanJson);
}

/** Every plan the check wrote: environments and module examples (the `-new-pool` env plans have their own spec). */
export function planIds(): string[] {
  if (!existsSync(planDir)) throw new Error(`${planDir} is missing: run \`npx nx run infra:tf-check\` first.`);
  return readdirSync(planDir)
    .filter((file) => file.endsWith('.plan.json') && !file.endsWith('-new-pool.plan.json'))
    .map((file) => file.replace(/\.plan\.json$/, ''))
    .sort();
}
