import { policyDocuments, UNKNOWN_RESOURCE, type PolicyDocument, type Statement } from './support/iam';
import { loadPlan, planIds } from './support/terraform-plan';
import { loadWildcardExceptions, type WildcardException } from './support/wildcard-exceptions';

// No planned IAM policy grants a wildcard action or the "*" resource, except where AWS offers nothing narrower
// (listed, with a reason, in infra/iam-wildcard-exceptions.json), and no resource policy opens to any principal.
const exceptions = loadWildcardExceptions();
const plans = planIds().map(loadPlan);

const isWildcardAction = (action: string) => action.includes('*');

function excepted(statement: Statement): WildcardException | undefined {
  return exceptions.find(
    (exception) =>
      statement.Action.every((action) => exception.actions.includes(action)) &&
      statement.Resource.every((resource) => resource !== '*' || exception.resources.includes('*')),
  );
}

/**
 * A document whose only resources unknown at plan are @connections of a WebSocket API (its id is AWS's): every
 * other statement is still checked exactly (functions.spec.ts), and the stacks' terraform tests prove those ARNs.
 */
const unknownOnlyInConnections = ({ statements }: PolicyDocument): boolean =>
  statements !== undefined &&
  statements.every(
    (statement) =>
      !statement.Resource.includes(UNKNOWN_RESOURCE) ||
      statement.Action.every((action) => action === 'execute-api:ManageConnections'),
  );

function isViolation(statement: Statement): boolean {
  if (statement.Effect !== 'Allow') return false;
  const anyPrincipal = statement.Principal === '*' || JSON.stringify(statement.Principal ?? null).includes('"*"');
  const wildcard = statement.Action.some(isWildcardAction) || statement.Resource.includes('*');
  return anyPrincipal || (wildcard && excepted(statement) === undefined);
}

describe('wildcard exceptions', () => {
  it.each(exceptions.map((exception) => [exception.actions.join(', '), exception] as const))(
    '%s is justified and names its user',
    (_actions, exception) => {
      expect(exception.justification.length).toBeGreaterThan(20);
      expect(exception.usedBy.length).toBeGreaterThan(0);
      expect(exception.actions.some(isWildcardAction)).toBe(false);
    },
  );

  it.each(exceptions.map((exception) => [exception.actions.join(', '), exception] as const))(
    '%s is still needed by some planned policy',
    (_actions, exception) => {
      const used = plans.some((plan) =>
        policyDocuments(plan).some(({ statements }) =>
          (statements ?? []).some((statement) => statement.Resource.includes('*') && excepted(statement) === exception),
        ),
      );
      expect(used).toBe(true);
    },
  );
});

describe.each(plans.map((plan) => [plan.id, plan] as const))('IAM policies planned in %s', (id, plan) => {
  const documents = policyDocuments(plan);

  it('can all be read from the plan (as JSON, or as the policy document they are built from)', () => {
    expect(
      documents
        .filter(({ statements }) => statements === undefined)
        .map(({ resource, attribute }) => `${resource.address}.${attribute}`),
    ).toEqual([]);
  });

  // Environments and stack examples must be fully checkable: a policy known only after apply would escape the
  // exact-grant tests (but for the @connections ARNs of a WebSocket API created in the same apply).
  if (id.startsWith('envs-') || id.startsWith('services-')) {
    it('are known at plan time', () => {
      expect(
        documents
          .filter((document) => !document.knownAtPlan && !unknownOnlyInConnections(document))
          .map(({ resource, attribute }) => `${resource.address}.${attribute}`),
      ).toEqual([]);
    });
  }

  it('grant no wildcard action, "*" resource or "*" principal beyond the listed exceptions', () => {
    const offending = documents.flatMap(({ resource, statements }) =>
      (statements ?? []).filter(isViolation).map((statement) => `${resource.address}: ${JSON.stringify(statement)}`),
    );
    expect(offending).toEqual([]);
  });
});
