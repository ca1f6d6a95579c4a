import { createConsoleBackend, type ConsoleBackend } from '../../console-endpoints';
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
        services: context.need('services'),
        naming: context.naming,
        dynamodbEndpoint: context.need('dynamodb').endpoint,
        functions: () => runtime().functions,
        correlationIdOfRequest: (requestId) => runtime().correlationIdOfRequest(requestId),
        log: context.options.log,
      });
      context.provide('console', backend);
    },
    stop() {
      backend?.close();
    },
  };
}
