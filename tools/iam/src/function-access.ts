import type { ResourceAccess } from '@harbor/platform-access';
import type { ServiceDefinition } from '../declarations';

/** A function's access in the shape of functions.yaml (tables, publishes, connections), sorted. */
export interface FunctionAccess {
  readonly tables: readonly { readonly table: string; readonly actions: readonly string[]; readonly indexes: readonly string[] }[];
  readonly topics: readonly string[];
  readonly buses: readonly string[];
  readonly connections: readonly string[];
  /** Schedule groups (functions.yaml `schedules`) and the Scheduler actions on their schedules. */
  readonly schedules: readonly { readonly schedule: string; readonly actions: readonly string[] }[];
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** The declared access of one function (functions.yaml), in the same shape. */
export function declaredAccess(service: ServiceDefinition, key: string): FunctionAccess {
  const declared = service.functions[key];
  const tables = new Map<string, { actions: Set<string>; indexes: Set<string> }>();
  for (const access of declared.tables) {
    const entry = tables.get(access.table) ?? { actions: new Set<string>(), indexes: new Set<string>() };
    access.actions.forEach((action) => entry.actions.add(action));
    access.indexes.forEach((index) => entry.indexes.add(index));
    tables.set(access.table, entry);
  }
  return {
    tables: [...tables.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([table, entry]) => ({ table, actions: sorted(entry.actions), indexes: sorted(entry.indexes) })),
    topics: sorted(declared.publishes.flatMap((target) => ('topic' in target ? [target.topic] : []))),
    buses: sorted(declared.publishes.flatMap((target) => ('bus' in target ? [target.bus] : []))),
    connections: sorted(declared.connections),
    schedules: mergedSchedules(declared.schedules),
  };
}

/** Actions per schedule group, merged and sorted. */
function mergedSchedules(uses: readonly { readonly schedule: string; readonly actions: readonly string[] }[]): FunctionAccess['schedules'] {
  const groups = new Map<string, Set<string>>();
  for (const use of uses) {
    const actions = groups.get(use.schedule) ?? new Set<string>();
    use.actions.forEach((action) => actions.add(action));
    groups.set(use.schedule, actions);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([schedule, actions]) => ({ schedule, actions: sorted(actions) }));
}

/** Descriptor entries merged per resource; a table named through an environment variable is looked up by `tableOfEnv`. */
export function toFunctionAccess(resources: readonly ResourceAccess[], tableOfEnv: (env: string) => string | undefined): FunctionAccess {
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
    tables: [...tables.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([table, entry]) => ({ table, actions: sorted(entry.actions), indexes: sorted(entry.indexes) })),
    topics: sorted(topics),
    buses: sorted(buses),
    connections: sorted(connections),
    schedules: mergedSchedules(schedules),
  };
}

