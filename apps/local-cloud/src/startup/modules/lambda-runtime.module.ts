import { faultInjectingInvoker, FaultInjector } from '@harbor/local-cloud-messaging';
import { createLambdaRuntime, type LambdaRuntime } from '@harbor/local-cloud-lambda';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { deployedRuntime } from '../../deployed-runtime';
import { functionSpecs, localFunctionEnvironment } from '../../function-specs';
import { placeholderResolver } from '../../placeholders';
import type { LocalCloudModule } from '../local-cloud-module';

/** Every declared function, and the fault injector every caller invokes them through (/_local/faults). */
export function lambdaRuntimeModule(): LocalCloudModule {
  let runtime: LambdaRuntime | undefined;
  return {
    name: 'Lambda runtime',
    start(context) {
      const { config, naming } = context;
      const issuer = context.need('issuer');
      const resolver = (service: ServiceDefinition) => placeholderResolver(service, naming, issuer);
      // Every function runs on the runtime Terraform deploys (no service picks another).
      const lambdaRuntime = deployedRuntime(context.workspaceRoot);
      const specs = functionSpecs(context.need('services'), naming, resolver, context.workspaceRoot);
      runtime = createLambdaRuntime({
        functions: lambdaRuntime ? specs.map((spec) => ({ ...spec, runtime: lambdaRuntime })) : specs,
        trace: context.trace,
        hotReload: config.hotReload,
        log: context.need('console').log,
        region: config.region,
        accountId: config.accountId,
        sharedEnvironment: localFunctionEnvironment(context.url(context.need('ports').aws), config.env),
      });
      const faults = new FaultInjector(config.faults);
      context.provide('runtime', runtime);
      context.provide('faults', faults);
      context.provide('invoker', faultInjectingInvoker(runtime, faults));
    },
    async stop() {
      await runtime?.close();
    },
  };
}
