import type { ResourceAccess } from '@harbor/platform-access';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';

/** A function's access, as its role grants it: the actions on each table, topic, bus, @connections and schedules. */
export interface FunctionAccess {
  readonly tables: readonly {
    readonly table: string;
    readonly actions: readonly string[];
    readonly indexes: readonly string[];
  }[];
  readonly topics: readonly string[];
  readonly buses: readonly string[];
  readonly connections: readonly string[];
  /** Schedule groups (functions.yaml `schedules`) and the Scheduler actions on their schedules. */
  readonly schedules: readonly { readonly schedule: string; readonly actions: readonly string[] }[];
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * What a function's declaration (functions.yaml) wires, named as its derived access names it: the tables (and indexes)
 * whose names it gets, the topics and bus it publishes to, its @connections methods and its schedule groups. The
 * actions are not declared there: they are derived (FunctionAccess).
 */
export interface WiredResources {
  readonly tables: readonly { readonly table: string; readonly indexes: readonly string[] }[];
  readonly topics: readonly string[];
  readonly buses: readonly string[];
  readonly connections: readonly string[];
  readonly schedules: readonly string[];
}

export function wiredResources(service: ServiceDefinition, key: string): WiredResources {
  const declared = service.functions[key];
  const indexes = new Map<string, Set<string>>();
  for (const access of declared.tables) {
    const entry = indexes.get(access.table) ?? new Set<string>();
    access.indexes.forEach((index) => entry.add(index));
    indexes.set(access.table, entry);
  }
  return {
    tables: [...indexes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([table, names]) => ({ table, indexes: sorted(names) })),
    topics: sorted(declared.publishes.flatMap((target) => ('topic' in target ? [target.topic] : []))),
    buses: sorted(declared.publishes.flatMap((target) => ('bus' in target ? [target.bus] : []))),
    connections: sorted(declared.connections),
    schedules: sorted(declared.schedules.map((use) => use.schedule)),
  };
}

/** The resources of a derived access, in the shape of WiredResources. */
export const resourcesOf = (access: FunctionAccess): WiredResources => ({
  tables: access.tables.map(({ table, indexes }) => ({ table, indexes })),
  topics: access.topics,
  buses: access.buses,
  connections: access.connections,
  schedules: access.schedules.map(({ schedule }) => schedule),
});

/** Actions per schedule group, merged and sorted. */
function mergedSchedules(
  uses: readonly { readonly schedule: string; readonly actions: readonly string[] }[],
): FunctionAccess['schedules'] {
  const groups = new Map<string, Set<string>>();
  for (const use of uses) {
    const actions = groups.get(use.schedule) ?? new Set<string>();
    use.actions.forEach((action) => actions.add(action));
    groups.set(use.schedule, actions);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([schedule, actions]) => ({ schedule, actions: sorted(actions) }));
}

/** Descriptor entries merged per resource; a table named through an environment variable is looked up by `tableOfEnv`. */
export function toFunctionAccess(
  resources: readonly ResourceAccess[],
  tableOfEnv: (env: string) => string | undefined,
): FunctionAccess {
  const tables = new Map<string, { actions: Set<string>; indexes: Set<string> }>();
  const topics = new Set<string>();
  const buses = new Set<string>();
  const connections = new Set<string>();
  const schedules: { schedule: string; actions: readonly string[] }[] = [];
  for (const access of resources) {
    if ('table' in access || 'tableEnv' in access) {
      const table = 'table' in access ? access.table : tableOfEnv(access.tableEnv);
      if (table === undefined) continue;
      const entry = tables.get(table) ?? { actions: new Set<string>(), indexes: new Set<string>() };
      access.actions.forEach((action) => entry.actions.add(action));
      if ('index' in access && access.index) entry.indexes.add(access.index);
      tables.set(table, entry);
    } else if ('schedule' in access) schedules.push(access);
    else if ('topic' in access) topics.add(access.topic);
    else if ('bus' in access) buses.add(access.bus);
    else access.connections.forEach((method) => connections.add(method));
  }
  return {
    tables: [...tables.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([table, entry]) => ({ table, actions: sorted(entry.actions), indexes: sorted(entry.indexes) })),
    topics: sorted(topics),
    buses: sorted(buses),
    connections: sorted(connections),
    schedules: mergedSchedules(schedules),
  };
}
