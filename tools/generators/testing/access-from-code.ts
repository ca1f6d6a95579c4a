import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type ts from 'typescript';

// The parts of a workspace's infra/test/support/code-access this reads (loaded from that workspace, see below).
interface Descriptor {
  readonly file: string;
  readonly exportName: string;
  readonly adapter: string;
  readonly methods: Readonly<Record<string, unknown>> | undefined;
}
interface Bound {
  readonly descriptor: Descriptor;
  readonly kinds: ReadonlySet<ts.Node>;
}
interface Service {
  readonly name: string;
  readonly functions: Readonly<Record<string, unknown>>;
}
interface CodeAccess {
  readonly descriptors: readonly Descriptor[];
  readonly bound: readonly Bound[];
  readonly unbound: readonly Descriptor[];
  derive(service: Service, key: string): { readonly access: unknown; readonly because: readonly string[] };
}

/** What infra's roles-from-code check would say of one service's adapters and functions. */
export interface ServiceAccessReport {
  /** `Adapter (file)` of every descriptor under libs/<service>. */
  readonly descriptors: string[];
  /** Descriptors naming no class or factory beside them. */
  readonly unbound: string[];
  /** Descriptors no `.access.spec.ts` beside them names. */
  readonly withoutSpec: string[];
  /** Adapters whose public methods are not exactly the descriptor's. */
  readonly methodsMismatched: string[];
  /** Per function: what functions.yaml declares, and what its handler's code derives (with the adapter methods why). */
  readonly functions: Record<string, { readonly declared: unknown; readonly derived: unknown; readonly because: readonly string[] }>;
}

/**
 * Runs the derivation of `workspace`'s own infra tests (infra/test/support/code-access) over one of its services,
 * without the Terraform plans infra:test also compares with. Loaded by path from that workspace, so a scratch copy
 * is checked with its own code: its workspace root is where the modules are.
 */
export function accessFromCode(workspace: string, serviceName: string): ServiceAccessReport {
  const support = join(workspace, 'infra', 'test', 'support');
  const { CodeAccess } = require(join(support, 'code-access', 'derived-access')) as { CodeAccess: new (services: readonly Service[]) => CodeAccess };
  const { declaredAccess } = require(join(support, 'code-access', 'function-access')) as { declaredAccess: (service: Service, key: string) => unknown };
  const { deployedServices } = require(join(support, 'declarations')) as { deployedServices: () => Service[] };
  const typescript = require('typescript') as typeof ts;

  const services = deployedServices();
  const service = services.find((candidate) => candidate.name === serviceName);
  if (!service) throw new Error(`${serviceName} is not deployed by ${workspace} (no apps/${serviceName}/api or infra/services/${serviceName})`);
  const code = new CodeAccess(services);
  const own = (descriptor: Descriptor) => descriptor.file.startsWith(`libs/${serviceName}/`);
  const named = (descriptor: Descriptor) => `${descriptor.adapter} (${descriptor.file})`;

  const withoutSpec = code.descriptors.filter(own).filter((descriptor) => {
    const dir = join(workspace, dirname(descriptor.file));
    return !readdirSync(dir).some((name) => name.endsWith('.access.spec.ts') && readFileSync(join(dir, name), 'utf8').includes(descriptor.exportName));
  });
  const methodsMismatched = code.bound
    .filter(({ descriptor }) => own(descriptor) && descriptor.methods !== undefined)
    .filter(({ descriptor, kinds }) => JSON.stringify(Object.keys(descriptor.methods ?? {}).sort()) !== JSON.stringify(publicMethods(typescript, kinds)));
  const functions = Object.fromEntries(
    Object.keys(service.functions).map((key) => {
      const { access, because } = code.derive(service, key);
      return [key, { declared: declaredAccess(service, key), derived: access, because }];
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

/** Public methods of the classes among an adapter's kinds, as infra/test/roles-from-code.spec.ts counts them. */
function publicMethods(typescript: typeof ts, kinds: ReadonlySet<ts.Node>): string[] {
  const methods = [...kinds]
    .filter(typescript.isClassDeclaration)
    .flatMap((declaration) => declaration.members.filter(typescript.isMethodDeclaration))
    .filter(
      (method) =>
        !(typescript.getCombinedModifierFlags(method) & (typescript.ModifierFlags.Private | typescript.ModifierFlags.Protected)) && !typescript.isPrivateIdentifier(method.name),
    )
    .map((method) => method.name.getText());
  return [...new Set(methods)].sort();
}
