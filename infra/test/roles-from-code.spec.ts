import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { descriptorDir } from './support/code-access/adapter-descriptors';
import { CodeAccess } from './support/code-access/derived-access';
import { declaredAccess } from './support/code-access/function-access';
import { deployedServices } from './support/declarations';
import { expectedGrants } from './support/expected-grants';
import { grants, policyDocuments } from './support/iam';
import { planCases } from './support/plan-cases';

// Each function's role is exactly what its code uses. What an adapter calls in AWS is declared beside it
// (<adapter>.access.ts) and proven by its spec against DynamoDB Local or the recorded SDK calls; which adapter methods
// a function uses is read from its handler's code (what its module reaches: WorkspaceCode). Their union must be
// functions.yaml's access (which Terraform grants, and the local cloud wires), and the planned role must be that union
// plus its event sources' needs and its logs and traces: nothing typed by hand is trusted.
const services = deployedServices();
const code = new CodeAccess(services);
const functions = services.flatMap((service) => Object.keys(service.functions).map((key) => ({ service, key, derived: code.derive(service, key) })));
const environments = planCases().filter((planCase) => planCase.id.startsWith('envs-'));

describe('adapter access descriptors', () => {
  it('name an adapter declared beside them', () => {
    expect(code.descriptors.length).toBeGreaterThan(0);
    expect(code.unbound.map((descriptor) => `${descriptor.file}: ${descriptor.adapter}`)).toEqual([]);
  });

  it.each(code.descriptors.map((descriptor) => [`${descriptor.file} (${descriptor.exportName})`, descriptor] as const))('%s is proven by a spec beside it', (_name, descriptor) => {
    const dir = descriptorDir(descriptor);
    const specs = readdirSync(dir).filter((name) => name.endsWith('.access.spec.ts'));
    expect(specs.filter((spec) => readFileSync(join(dir, spec), 'utf8').includes(descriptor.exportName))).not.toEqual([]);
  });

  // A public method left out would be an AWS call nobody declared (a port method left out fails the descriptor's type).
  it('declare every public method of the adapter, and only those', () => {
    const mismatched = code.bound
      .filter(({ descriptor }) => descriptor.methods !== undefined)
      .map(({ descriptor, kinds }) => ({ adapter: descriptor.adapter, declared: Object.keys(descriptor.methods ?? {}).sort(), implemented: publicMethods(kinds) }))
      .filter(({ declared, implemented }) => JSON.stringify(declared) !== JSON.stringify(implemented));
    expect(mismatched).toEqual([]);
  });
});

/** Public methods of the classes among an adapter's kinds (the class and its base classes). */
function publicMethods(kinds: ReadonlySet<ts.Node>): string[] {
  const methods = [...kinds]
    .filter(ts.isClassDeclaration)
    .flatMap((declaration) => declaration.members.filter(ts.isMethodDeclaration))
    .filter((method) => !(ts.getCombinedModifierFlags(method) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) && !ts.isPrivateIdentifier(method.name))
    .map((method) => method.name.getText());
  return [...new Set(methods)].sort();
}

describe.each(functions.map(({ service, key, derived }) => [`${service.name}.${key}`, service, key, derived] as const))('%s', (_name, service, key, derived) => {
  it("functions.yaml declares exactly the access its handler's adapters need", () => {
    // `because` names the adapter methods the handler's code uses, to tell what to change.
    expect({ access: declaredAccess(service, key), because: derived.because }).toEqual({ access: derived.access, because: derived.because });
  });

  it.each(environments.map((planCase) => [planCase.id, planCase] as const))('its role in %s allows exactly that, its event sources and its logs and traces', (_id, planCase) => {
    const name = planCase.naming.functionName(service.name, key);
    const fn = planCase.plan.find('aws_lambda_function', 'function_name', name);
    const policies = planCase.plan.ofType('aws_iam_role_policy').filter((policy) => policy.moduleAddress === fn.moduleAddress);
    expect(policies).toHaveLength(1);
    const document = policyDocuments(planCase.plan).find(({ resource }) => resource.address === policies[0].address);
    expect(grants(document?.statements ?? []).sort()).toEqual(expectedGrants(planCase, service, key, derived.access));
  });
});

it('checks every deployed function in both environments', () => {
  expect(functions.length).toBe(services.reduce((count, service) => count + Object.keys(service.functions).length, 0));
  expect(environments.map(({ id }) => id).sort()).toEqual(['envs-dev', 'envs-prod']);
});
