import { CodeAccess, resourcesOf, wiredResources } from '@harbor/tools-iam';
import { deployedServices } from './support/declarations';
import { expectedGrants } from './support/expected-grants';
import { grants, policyDocuments } from './support/iam';
import { planCases } from './support/plan-cases';
import { workspaceRoot } from './support/workspace';

// Each function's role is exactly what its code uses. What an adapter calls in AWS is declared beside it
// (<adapter>.access.ts, proven by its spec; tools/iam checks each names its adapter and every method); which adapter
// methods a function uses is read from its handler's code (what its module reaches). Their union is the function's
// grants, which `npm run iam` writes to access.generated.json (Terraform grants that file), and the planned role must
// be that union plus its event sources' needs and its logs and traces: nothing typed by hand is trusted.
const services = deployedServices();
const code = new CodeAccess(workspaceRoot, services);
const functions = services.flatMap((service) =>
  Object.keys(service.functions).map((key) => ({ service, key, derived: code.derive(service, key) })),
);
const environments = planCases().filter((planCase) => planCase.id.startsWith('envs-'));

describe.each(functions.map(({ service, key, derived }) => [`${service.name}.${key}`, service, key, derived] as const))(
  '%s',
  (_name, service, key, derived) => {
    it("access.generated.json holds exactly the access its handler's adapters need", () => {
      // `because` names the adapter methods the handler's code uses, to tell what to change.
      const { because, ...access } = service.functions[key].grants;
      expect({ access, because }).toEqual({ access: derived.access, because: derived.because });
    });

    it('functions.yaml wires exactly the resources those adapters use (tables, indexes, topics, bus, schedules...)', () => {
      const { because } = derived;
      expect({ wired: wiredResources(service, key), because }).toEqual({ wired: resourcesOf(derived.access), because });
    });

    it.each(environments.map((planCase) => [planCase.id, planCase] as const))(
      'its role in %s allows exactly that, its event sources and its logs and traces',
      (_id, planCase) => {
        const name = planCase.naming.functionName(service.name, key);
        const fn = planCase.plan.find('aws_lambda_function', 'function_name', name);
        const policies = planCase.plan
          .ofType('aws_iam_role_policy')
          .filter((policy) => policy.moduleAddress === fn.moduleAddress);
        expect(policies).toHaveLength(1);
        const document = policyDocuments(planCase.plan).find(
          ({ resource }) => resource.address === policies[0].address,
        );
        expect(grants(document?.statements ?? []).sort()).toEqual(
          expectedGrants(planCase, service, key, derived.access),
        );
      },
    );
  },
);

it('checks every deployed function in both environments', () => {
  expect(functions.length).toBe(services.reduce((count, service) => count + Object.keys(service.functions).length, 0));
  expect(environments.map(({ id }) => id).sort()).toEqual(['envs-dev', 'envs-prod']);
});
