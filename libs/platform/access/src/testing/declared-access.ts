import type { ResourceAccess } from '../adapter-access';

/** Physical names of the logical resources descriptors name, as the test at hand created them. */
export interface PhysicalNames {
  readonly tables?: Readonly<Record<string, string>>;
  readonly tableEnvs?: Readonly<Record<string, string>>;
  readonly topics?: Readonly<Record<string, string>>;
  readonly buses?: Readonly<Record<string, string>>;
  /** Schedule group names by the schedule key functions.yaml declares. */
  readonly scheduleGroups?: Readonly<Record<string, string>>;
}

function physical(names: Readonly<Record<string, string>> | undefined, key: string, kind: string): string {
  const name = names?.[key];
  if (name === undefined) throw new Error(`No physical name given for ${kind} ${key}`);
  return name;
}

/** A descriptor's access as `action on resource` strings, in the form accessOfCommand/describeAccess give. */
export function describeDeclaredAccess(resources: readonly ResourceAccess[], names: PhysicalNames): string[] {
  const described = resources.flatMap((access): string[] => {
    if ('table' in access) {
      const table = physical(names.tables, access.table, 'table');
      return access.actions.map((action) => `${action} on ${access.index ? `${table}/index/${access.index}` : table}`);
    }
    if ('tableEnv' in access)
      return access.actions.map((action) => `${action} on ${physical(names.tableEnvs, access.tableEnv, 'table of')}`);
    if ('topic' in access) return [`sns:Publish on ${physical(names.topics, access.topic, 'topic')}`];
    if ('bus' in access) return [`events:PutEvents on ${physical(names.buses, access.bus, 'bus')}`];
    if ('schedule' in access) {
      const group = physical(names.scheduleGroups, access.schedule, 'schedule');
      return access.actions.map((action) => `${action} on schedule group ${group}`);
    }
    return access.connections.map((method) => `execute-api:ManageConnections on @connections ${method}`);
  });
  return [...new Set(described)].sort();
}
