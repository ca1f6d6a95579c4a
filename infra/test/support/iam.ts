import { isUnknown, type PlannedResource, type TerraformPlan } from './terraform-plan';

/** Stands for a resource ARN that is only known after apply (it names something created in the same apply). */
export const UNKNOWN_RESOURCE = '(known after apply)';

/** IAM conditions: operator -> key -> values. */
export type Conditions = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface Statement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Principal?: unknown;
  readonly Condition?: Conditions;
}

interface StatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Principal?: unknown;
  readonly Condition?: Conditions;
}

const asList = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

export function statementsOf(policy: string): Statement[] {
  const document = JSON.parse(policy) as { Statement?: StatementJson | readonly StatementJson[] };
  const statements =
    document.Statement === undefined
      ? []
      : Array.isArray(document.Statement)
        ? document.Statement
        : [document.Statement as StatementJson];
  return statements.map((statement) => ({
    Sid: statement.Sid,
    Effect: statement.Effect,
    Action: asList(statement.Action),
    Resource: asList(statement.Resource),
    Principal: statement.Principal,
    Condition: statement.Condition,
  }));
}

interface DocumentStatementValues {
  readonly sid?: string | null;
  readonly effect?: 'Allow' | 'Deny' | null;
  readonly actions?: readonly string[] | null;
  readonly resources?: readonly (string | null)[] | null;
}

/** Statements of an aws_iam_policy_document read deferred to apply: actions are known, some resources are not. */
function deferredStatements(document: PlannedResource): Statement[] {
  return ((document.values.statement ?? []) as DocumentStatementValues[]).map((statement) => ({
    Sid: statement.sid ?? undefined,
    Effect: statement.effect ?? 'Allow',
    Action: statement.actions ?? [],
    Resource: (statement.resources ?? []).map((resource) => resource ?? UNKNOWN_RESOURCE),
  }));
}

/** Attributes holding IAM policy documents, by resource type; `optional` ones are computed when not configured. */
const POLICY_ATTRIBUTES: Readonly<Record<string, { readonly attribute: string; readonly optional: boolean }>> = {
  aws_iam_role_policy: { attribute: 'policy', optional: false },
  aws_iam_policy: { attribute: 'policy', optional: false },
  aws_iam_role: { attribute: 'assume_role_policy', optional: false },
  aws_sqs_queue_policy: { attribute: 'policy', optional: false },
  aws_sns_topic_policy: { attribute: 'policy', optional: false },
  aws_cloudwatch_event_bus_policy: { attribute: 'policy', optional: false },
  aws_sqs_queue: { attribute: 'policy', optional: true },
  aws_sns_topic: { attribute: 'policy', optional: true },
  aws_api_gateway_rest_api: { attribute: 'policy', optional: true },
};

export interface PolicyDocument {
  readonly resource: PlannedResource;
  readonly attribute: string;
  /** From the planned JSON, or from the policy documents deferred in the same module; undefined when neither exists. */
  readonly statements: readonly Statement[] | undefined;
  readonly knownAtPlan: boolean;
}

export function policyDocuments(plan: TerraformPlan): PolicyDocument[] {
  return plan.resources.flatMap((resource): PolicyDocument[] => {
    const spec = POLICY_ATTRIBUTES[resource.type];
    if (spec === undefined) return [];
    const value = resource.values[spec.attribute];
    if (isUnknown(resource, spec.attribute)) {
      if (spec.optional) return [];
      const deferred = plan.deferredReads.filter(
        (read) => read.type === 'aws_iam_policy_document' && read.moduleAddress === resource.moduleAddress,
      );
      return [
        {
          resource,
          attribute: spec.attribute,
          statements: deferred.length > 0 ? deferred.flatMap(deferredStatements) : undefined,
          knownAtPlan: false,
        },
      ];
    }
    return typeof value === 'string' && value !== ''
      ? [{ resource, attribute: spec.attribute, statements: statementsOf(value), knownAtPlan: true }]
      : [];
  });
}

/** `when StringEquals events:source=harbor.orders` (keys and values sorted), or '' without conditions. */
export function describeConditions(conditions: Conditions | undefined): string {
  const parts = Object.entries(conditions ?? {}).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => `${operator} ${key}=${[...asList(values)].sort().join('|')}`),
  );
  return parts.length === 0 ? '' : ` when ${parts.sort().join(' and ')}`;
}

/** The (action, resource) pairs a document allows, as `action on resource[ when <conditions>]` strings. */
export function grants(statements: readonly Statement[]): string[] {
  return statements
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) =>
      statement.Action.flatMap((action) =>
        statement.Resource.map((resource) => `${action} on ${resource}${describeConditions(statement.Condition)}`),
      ),
    );
}
