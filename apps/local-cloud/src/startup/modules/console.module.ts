import { createConsoleBackend, type ConsoleBackend } from '@harbor/local-cloud-console';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { tableName, type ResourceNaming } from '../../resource-names';
import type { LocalCloudModule } from '../local-cloud-module';

/** The console's server half, first of the parts that record: it keeps every log line and follows the trace. */
export function consoleModule(): LocalCloudModule {
  let backend: ConsoleBackend | undefined;
  return {
    name: 'console',
    start(context) {
      // The runtime is made after the console: these two read it when first asked, never before.
      const runtime = () => context.need('runtime');
      backend = createConsoleBackend({
        trace: context.trace,
        tables: declaredTables(context.need('services'), context.naming),
        dynamodbEndpoint: context.need('dynamodb').endpoint,
        functions: () => runtime().functions,
        correlationIdOfRequest: (requestId) => runtime().correlationIdOfRequest(requestId),
        log: context.options.log,
        // Behind the fault injector, as every other caller invokes.
        invoker: () => context.need('invoker'),
      });
      context.provide('console', backend);
    },
    stop() {
      backend?.close();
    },
  };
}

/** Every service's tables by physical name, with the keys the tables view pages by. */
function declaredTables(services: readonly ServiceDefinition[], naming: ResourceNaming) {
  return services.flatMap((service) =>
    Object.entries(service.tables).map(([key, table]) => ({
      name: tableName(naming, key),
      service: service.name,
      keySchema: { partitionKey: table.hashKey.name, ...(table.rangeKey ? { sortKey: table.rangeKey.name } : {}) },
    })),
  );
}
