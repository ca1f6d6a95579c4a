import type { LambdaFunctionSpec } from '@harbor/local-cloud-lambda';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { busName, functionName, tableName, topicArn, type ResourceNaming } from './resource-names';

/**
 * Every declared function as the Lambda runtime runs it: the environment Terraform gives the real function
 * (table names, topic ARNs, bus name from functions.yaml), so handlers need no local-only code path.
 */
export function functionSpecs(services: readonly ServiceDefinition[], naming: ResourceNaming): LambdaFunctionSpec[] {
  return services.flatMap((service) =>
    Object.values(service.functions).map((fn) => {
      const environment: Record<string, string> = { POWERTOOLS_SERVICE_NAME: service.name, ...fn.environment };
      for (const access of fn.tables) environment[access.env] = tableName(naming, access.table);
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
    }),
  );
}
