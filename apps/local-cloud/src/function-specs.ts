import type { LambdaFunctionSpec } from '@harbor/local-cloud-lambda';
import { secretName, type ServiceDefinition } from '@harbor/platform-service-definitions';
import { relative } from 'node:path';
import { busName, functionName, tableName, topicArn, type ResourceNaming } from './resource-names';
import { scheduleVariables } from './scheduler/local-schedules';
import { NotEmulated } from './unsupported-declarations';

/** Resolves one `${...}` expression of a service's declarations, or undefined when it is not known locally. */
export type EnvironmentPlaceholderResolver = (service: ServiceDefinition) => (expression: string) => string | undefined;

// `${expression}`; `$${` is Terraform's escape for a literal `${`.
const PLACEHOLDER = /(\$?)\$\{([^}]+)\}/g;

/**
 * Every declared function as the Lambda runtime runs it: the environment Terraform gives the real function
 * (table names, topic ARNs, bus name from functions.yaml), so handlers need no local-only code path. `${...}` in an
 * environment value (say `${cognito_issuer_url}`) is filled as in the API files; one the local cloud cannot fill
 * stops start-up, naming the file and the variable.
 */
export function functionSpecs(
  services: readonly ServiceDefinition[],
  naming: ResourceNaming,
  resolvePlaceholders?: EnvironmentPlaceholderResolver,
  workspaceRoot = process.cwd(),
): LambdaFunctionSpec[] {
  return services.flatMap((service) => {
    const resolve = resolvePlaceholders?.(service) ?? (() => undefined);
    const file = relative(workspaceRoot, `${service.directory}/api/functions.yaml`);
    return Object.values(service.functions).map((fn) => {
      const fill = (variable: string, value: string): string =>
        value.replace(PLACEHOLDER, (whole, escape: string, expression: string) => {
          if (escape) return whole.slice(1);
          const resolved = resolve(expression);
          if (resolved !== undefined) return resolved;
          const feature = `functions.${fn.key}.environment.${variable}`;
          const detail = `placeholder \${${expression}} is not emulated`;
          throw new NotEmulated(`${file}: ${feature}: ${detail}`, { file, feature });
        });
      const declared = Object.fromEntries(
        Object.entries(fn.environment).map(([variable, value]) => [variable, fill(variable, value)]),
      );
      const environment: Record<string, string> = { POWERTOOLS_SERVICE_NAME: service.name, ...declared };
      for (const access of fn.tables) environment[access.env] = tableName(naming, access.table);
      for (const use of fn.secrets) environment[use.env] = secretName(naming.env, service.name, use.secret);
      for (const use of fn.schedules) Object.assign(environment, scheduleVariables(service, use, naming));
      for (const publish of fn.publishes) {
        environment[publish.env] = 'topic' in publish ? topicArn(naming, publish.topic) : busName(naming);
      }
      return {
        id: fn.id,
        name: functionName(naming, service.name, fn.key),
        handlerFile: fn.handlerPath,
        timeoutSeconds: fn.timeoutSeconds,
        memoryMb: fn.memoryMb,
        environment,
      };
    });
  });
}

/**
 * What every function gets locally on top of its declared environment (which may override it): the AWS SDK's
 * endpoints point at the local cloud (AWS_ENDPOINT_URL too, so a client of a service it does not emulate gets a loud
 * local refusal instead of reaching AWS with the local credentials; the SDK prefers the per-service variable), and Powertools' tracer is off as under SAM, there being no X-Ray here (the
 * local traces stand in); off, the platform never loads the X-Ray SDK, whose async hooks cost every invocation.
 */
export function localFunctionEnvironment(awsEndpoint: string, harborEnv: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: awsEndpoint,
    AWS_ENDPOINT_URL_SNS: awsEndpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: awsEndpoint,
    AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI: awsEndpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: awsEndpoint,
    AWS_ENDPOINT_URL_SCHEDULER: awsEndpoint,
    AWS_ENDPOINT_URL_LAMBDA: awsEndpoint,
    // Through the AWS endpoint, which passes each call to DynamoDB Local and traces it.
    AWS_ENDPOINT_URL_DYNAMODB: awsEndpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
    HARBOR_ENV: harborEnv,
  };
}
