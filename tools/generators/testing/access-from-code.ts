import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadServiceDefinitions } from '@harbor/platform-service-definitions';
import { CodeAccess, publicMethods, type AdapterDescriptor } from '@harbor/tools-iam';

/** What infra's roles-from-code check (and tools-iam's own) would say of one service's adapters and functions. */
export interface ServiceAccessReport {
  /** `Adapter (file)` of every descriptor under libs/<service>. */
  readonly descriptors: string[];
  /** Descriptors naming no class or factory beside them. */
  readonly unbound: string[];
  /** Descriptors no `.access.spec.ts` beside them names. */
  readonly withoutSpec: string[];
  /** Adapters whose public methods are not exactly the descriptor's. */
  readonly methodsMismatched: string[];
  /**
   * Per function: what its access.generated.json grants (written by `npm run iam`), and what its handler's code
   * derives (with the adapter methods why).
   */
  readonly functions: Record<
    string,
    { readonly declared: unknown; readonly derived: unknown; readonly because: readonly string[] }
  >;
}

/**
 * Runs tools-iam's derivation over one service of `workspace` (a scratch copy is read with its own apps/ and libs/),
 * without the Terraform plans infra:test also compares with.
 */
export function accessFromCode(workspace: string, serviceName: string): ServiceAccessReport {
  const services = loadServiceDefinitions(workspace, { checkHandlerFiles: false });
  const service = services.find((candidate) => candidate.name === serviceName);
  if (!service) throw new Error(`${serviceName} is not declared in ${workspace} (no apps/${serviceName}/api)`);
  const code = new CodeAccess(workspace, services);
  const own = (descriptor: AdapterDescriptor) => descriptor.file.startsWith(`libs/${serviceName}/`);
  const named = (descriptor: AdapterDescriptor) => `${descriptor.adapter} (${descriptor.file})`;

  const withoutSpec = code.descriptors.filter(own).filter((descriptor) => {
    const dir = join(workspace, dirname(descriptor.file));
    return !readdirSync(dir).some(
      (name) =>
        name.endsWith('.access.spec.ts') && readFileSync(join(dir, name), 'utf8').includes(descriptor.exportName),
    );
  });
  const methodsMismatched = code.bound
    .filter(({ descriptor }) => own(descriptor) && descriptor.methods !== undefined)
    .filter(
      ({ descriptor, kinds }) =>
        JSON.stringify(Object.keys(descriptor.methods ?? {}).sort()) !== JSON.stringify(publicMethods(kinds)),
    );
  const functions = Object.fromEntries(
    Object.keys(service.functions).map((key) => {
      const { access, because } = code.derive(service, key);
      const { tables, topics, buses, connections, schedules } = service.functions[key].grants;
      return [key, { declared: { tables, topics, buses, connections, schedules }, derived: access, because }];
    }),
  );
  return {
    descriptors: code.descriptors.filter(own).map(named).sort(),
    unbound: code.unbound.filter(own).map(named),
    withoutSpec: withoutSpec.map(named),
    methodsMismatched: methodsMismatched.map(({ descriptor }) => named(descriptor)),
    functions,
  };
}
