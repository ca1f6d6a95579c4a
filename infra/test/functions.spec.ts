import { block } from './support/collections';
import type { ServiceDefinition } from './support/declarations';
import { expectedGrants } from './support/expected-grants';
import { grants, policyDocuments, statementsOf } from './support/iam';
import { eachPlanCase, type PlanCase } from './support/plan-cases';

// Every function runs the Nx-built bundle with tracing, a log group with retention and a role of its own that
// allows exactly its grants (access.generated.json) and what its event sources need, with the environment the local
// cloud gives it. (roles-from-code.spec.ts proves those grants are what the handlers' code uses.)

// `${name}` as the local cloud fills it (`$${` is a literal `${`).
const PLACEHOLDER = /(\$?)\$\{([^}]+)\}/g;

/**
 * Whether the function's environment holds a value AWS assigns on apply: the WebSocket API's endpoint (functions
 * calling @connections) or the user pool's app client (`${cognito_client_id}`: the orders stack creates it in the same
 * apply, as it does the pool when none is given). The AWS provider then plans the whole variables map as unknown;
 * the terraform tests of service-stack and services/notifications prove those values.
 */
function environmentKnownAfterApply(service: ServiceDefinition, key: string): boolean {
  const declared = service.functions[key];
  const usesCognito = Object.values(declared.environment).some((value) =>
    [...value.matchAll(PLACEHOLDER)].some(([, escape, name]) => !escape && name.startsWith('cognito_')),
  );
  return declared.connections.length > 0 || usesCognito;
}

/**
 * Keys Lambda sets itself and refuses in a function's configuration
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
 */
const LAMBDA_RESERVED = new Set(
  '_HANDLER _X_AMZN_TRACE_ID AWS_DEFAULT_REGION AWS_REGION AWS_EXECUTION_ENV AWS_LAMBDA_FUNCTION_NAME AWS_LAMBDA_FUNCTION_MEMORY_SIZE AWS_LAMBDA_FUNCTION_VERSION AWS_LAMBDA_INITIALIZATION_TYPE AWS_LAMBDA_LOG_GROUP_NAME AWS_LAMBDA_LOG_STREAM_NAME AWS_ACCESS_KEY AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_LAMBDA_RUNTIME_API LAMBDA_TASK_ROOT LAMBDA_RUNTIME_DIR'.split(
    ' ',
  ),
);

/** What only the local cloud may point a function at: its endpoints (AWS_ENDPOINT_URL*) and this machine. */
const isLocalOnly = ([name, value]: [string, string]) =>
  name.startsWith('AWS_ENDPOINT_URL') || /\b(localhost|127\.0\.0\.1|0\.0\.0\.0)\b/.test(value);

/** API Gateway gives up on an integration after 29 s (REST and WebSocket; HTTP APIs 30 s): https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html */
const API_INTEGRATION_TIMEOUT_SECONDS = 29;

/** Declared variables whose value in functions.yaml is the local cloud's stand-in for a secret. */
const isSecret = (name: string) => /(^|_)(SECRET|PASSWORD|TOKEN)$/.test(name);

type SecretEnvironment = Record<string, Record<string, Record<string, string>>>;

/**
 * The environment the local cloud runs the function with (apps/local-cloud function-specs), in this environment,
 * except that secrets take the value passed to the deployment (secret_environment) instead of the file's.
 */
function expectedEnvironment(
  { naming, environment, plan }: PlanCase,
  service: ServiceDefinition,
  key: string,
): Record<string, string> {
  const declared = service.functions[key];
  const secrets = (plan.variable('secret_environment') as SecretEnvironment)[service.name]?.[key] ?? {};
  const fill = (value: string) =>
    value.replace(PLACEHOLDER, (whole, escape: string, name: string) =>
      escape ? whole.slice(1) : name === 'region' ? naming.region : name === 'account_id' ? naming.accountId : whole,
    );
  const withSecrets = Object.fromEntries(
    Object.entries(declared.environment).map(([name, value]) => [name, isSecret(name) ? secrets[name] : fill(value)]),
  );
  const variables: Record<string, string> = {
    HARBOR_ENV: environment,
    POWERTOOLS_SERVICE_NAME: service.name,
    ...withSecrets,
  };
  for (const access of declared.tables) variables[access.env] = naming.physical(access.table);
  for (const target of declared.publishes)
    variables[target.env] = 'topic' in target ? naming.topicArn(target.topic) : naming.physical(target.bus);
  // A secret it reads comes by name (functions.yaml `secrets`), as the local cloud gives it; its value never does.
  for (const use of declared.secrets) variables[use.env] = naming.physical(`${service.name}-${use.secret}`);
  // The schedule groups it names (functions.yaml `schedules`): group, target, execution role, queue, window, retries.
  for (const use of declared.schedules) {
    const schedule = service.schedules[use.schedule]!;
    const group = naming.physical(`${service.name}-${use.schedule}`);
    Object.assign(variables, {
      [`${use.env}_GROUP_NAME`]: group,
      [`${use.env}_TARGET_ARN`]: naming.functionArn(service.name, schedule.target),
      [`${use.env}_ROLE_ARN`]: `arn:aws:iam::${naming.accountId}:role/${group}-scheduler`,
      [`${use.env}_DLQ_ARN`]: naming.queueArn(`${group}-dlq`),
      [`${use.env}_WINDOW_SECONDS`]: String(schedule.windowSeconds),
      [`${use.env}_MAXIMUM_RETRY_ATTEMPTS`]: String(schedule.retryPolicy.maximumRetryAttempts),
      [`${use.env}_MAXIMUM_EVENT_AGE_SECONDS`]: String(schedule.retryPolicy.maximumEventAgeSeconds),
    });
  }
  return variables;
}

describe.each(eachPlanCase())('functions planned in %s', (_id, planCase) => {
  const { plan, naming, services } = planCase;
  const functions = services.flatMap((service) => Object.keys(service.functions).map((key) => ({ service, key })));

  it('plans exactly the declared functions', () => {
    expect(
      plan
        .ofType('aws_lambda_function')
        .map((fn) => fn.values.function_name)
        .sort(),
    ).toEqual(functions.map(({ service, key }) => naming.functionName(service.name, key)).sort());
  });

  describe.each(functions.map(({ service, key }) => [`${service.name}.${key}`, service, key] as const))(
    '%s',
    (_function, service, key) => {
      const declared = service.functions[key];
      const name = naming.functionName(service.name, key);
      const fn = plan.find('aws_lambda_function', 'function_name', name);
      const roles = plan.ofType('aws_iam_role').filter((role) => role.moduleAddress === fn.moduleAddress);
      const policies = plan.ofType('aws_iam_role_policy').filter((policy) => policy.moduleAddress === fn.moduleAddress);

      it('runs the Nx bundle on nodejs22.x arm64 with active tracing and the declared timeout', () => {
        expect(fn.values).toMatchObject({
          handler: 'index.handler',
          runtime: 'nodejs22.x',
          architectures: ['arm64'],
          timeout: declared.timeoutSeconds,
        });
        expect(block(fn.values.tracing_config)?.mode).toBe('Active');
        expect(fn.values.memory_size).toBeGreaterThanOrEqual(declared.memoryMb);
      });

      it('gets exactly the environment the local cloud gives it (or one known only after apply, for the reason that makes it so)', () => {
        if (environmentKnownAfterApply(service, key)) expect(block(fn.unknown.environment)?.variables).toBe(true);
        else expect(block(fn.values.environment)?.variables ?? {}).toEqual(expectedEnvironment(planCase, service, key));
      });

      it('sets no variable Lambda reserves, and nothing that points at the local cloud', () => {
        const planned = Object.entries((block(fn.values.environment)?.variables ?? {}) as Record<string, string>);
        const variables = [...planned, ...Object.entries(declared.environment)];
        expect(variables.filter(([variable]) => LAMBDA_RESERVED.has(variable)).map(([variable]) => variable)).toEqual(
          [],
        );
        expect(variables.filter(isLocalOnly).map(([variable]) => variable)).toEqual([]);
      });

      it('finishes before API Gateway gives up on it, when an API invokes it', () => {
        const invokedByApi = plan
          .ofType('aws_lambda_permission')
          .some(({ values }) => values.function_name === name && values.principal === 'apigateway.amazonaws.com');
        if (invokedByApi) expect(fn.values.timeout).toBeLessThanOrEqual(API_INTEGRATION_TIMEOUT_SECONDS);
      });

      it("never deploys the local cloud's value of a secret", () => {
        const localSecrets = Object.entries(declared.environment).filter(([name]) => isSecret(name));
        const deployed = JSON.stringify(fn.values);
        expect(localSecrets.filter(([, value]) => deployed.includes(value)).map(([name]) => name)).toEqual([]);
      });

      it('logs to its own log group, with retention', () => {
        const group = plan.find('aws_cloudwatch_log_group', 'name', `/aws/lambda/${name}`);
        expect(group.values.retention_in_days).toBeGreaterThan(0);
      });

      it('has a role of its own, assumable by Lambda only', () => {
        expect(roles).toHaveLength(1);
        expect(roles[0].values.name).toBe(name);
        expect(plan.ofType('aws_iam_role').filter((role) => role.values.name === name)).toHaveLength(1);
        const trust = statementsOf(String(roles[0].values.assume_role_policy));
        expect(trust.map((statement) => [statement.Action, statement.Principal])).toEqual([
          [['sts:AssumeRole'], { Service: 'lambda.amazonaws.com' }],
        ]);
      });

      it('may do exactly what its declarations allow', () => {
        expect(policies).toHaveLength(1);
        expect(policies[0].values.role).toBe(roles[0].values.name);
        // Known at plan time, or (with a resource AWS names on apply) read from the policy document it is built from.
        const document = policyDocuments(plan).find(({ resource }) => resource.address === policies[0].address);
        expect(grants(document?.statements ?? []).sort()).toEqual(
          expectedGrants(planCase, service, key, declared.grants),
        );
      });
    },
  );
});
