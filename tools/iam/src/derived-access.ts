import { join } from 'node:path';
import ts from 'typescript';
import type { ResourceAccess } from '@harbor/platform-access';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { loadAdapterDescriptors, type AdapterDescriptor } from './adapter-descriptors';
import { toFunctionAccess, type FunctionAccess } from './function-access';
import { WorkspaceCode, type BoundAdapter } from './handler-reachability';

/** What a handler's code may call in AWS, and which adapter method asks for each resource. */
export interface DerivedFunctionAccess {
  readonly service: string;
  readonly key: string;
  readonly access: FunctionAccess;
  /** `Adapter.method` (or `adapter (wired)`) of every descriptor entry that contributed. */
  readonly because: readonly string[];
}

const memberName = (member: ts.Node): string | undefined => {
  const name = (member as ts.NamedDeclaration).name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
};

/**
 * Every deployed function's access, derived from its handler's code: the adapters it reaches (their descriptors)
 * and, for each, the port methods its code refers to; a framework-driven adapter counts whole once reached.
 */
export class CodeAccess {
  readonly descriptors: readonly AdapterDescriptor[];
  readonly bound: readonly BoundAdapter[];
  readonly unbound: readonly AdapterDescriptor[];
  private readonly code: WorkspaceCode;

  /** `workspaceRoot`: the workspace whose apps/ and libs/ hold the services' handlers and adapters. */
  constructor(
    private readonly workspaceRoot: string,
    services: readonly ServiceDefinition[],
  ) {
    this.descriptors = loadAdapterDescriptors(workspaceRoot);
    const handlers = services.flatMap((service) =>
      Object.values(service.functions).map((fn) => this.handlerFile(service, fn.handler)),
    );
    this.code = new WorkspaceCode(workspaceRoot, handlers, this.descriptors);
    const bindings = this.descriptors.map((descriptor) => ({ descriptor, bound: this.code.bind(descriptor) }));
    this.bound = bindings.flatMap(({ bound }) => (bound ? [bound] : []));
    this.unbound = bindings.filter(({ bound }) => !bound).map(({ descriptor }) => descriptor);
  }

  derive(service: ServiceDefinition, key: string): DerivedFunctionAccess {
    const declared = service.functions[key];
    const reach = this.code.reach(this.handlerFile(service, declared.handler));
    const resources: ResourceAccess[] = [];
    const because: string[] = [];
    for (const { descriptor, declaration, kinds } of this.bound) {
      if (!reach.declarations.has(declaration)) continue;
      if (descriptor.whenWired.length > 0) {
        resources.push(...descriptor.whenWired);
        because.push(`${descriptor.adapter} (wired)`);
      }
      const usedMethods = new Set(
        [...reach.members].filter((member) => member.parent !== undefined && kinds.has(member.parent)).map(memberName),
      );
      for (const [method, accesses] of Object.entries(descriptor.methods ?? {})) {
        if (!usedMethods.has(method) || accesses.length === 0) continue;
        resources.push(...accesses);
        because.push(`${descriptor.adapter}.${method}`);
      }
    }
    // A table named by an environment variable the function does not declare is out of its reach (the adapter refuses to run).
    const tableOfEnv = (env: string) => declared.tables.find((access) => access.env === env)?.table;
    return {
      service: service.name,
      key,
      access: toFunctionAccess(resources, tableOfEnv),
      because: [...new Set(because)].sort(),
    };
  }

  private handlerFile(service: ServiceDefinition, handler: string): string {
    return join(this.workspaceRoot, 'apps', service.name, handler);
  }
}
