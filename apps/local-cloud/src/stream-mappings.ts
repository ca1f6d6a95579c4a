import type { Invoker } from '@harbor/local-cloud-lambda';
import {
  deadLetterQueueName,
  startStreamMappings,
  type DeadLetterStore,
  type FaultInjector,
  type RunningStreamMappings,
  type StreamMappingSpec,
} from '@harbor/local-cloud-messaging';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { tableName, type ResourceNaming } from './resource-names';

/** Every events.yaml `streams:` entry, with physical names (the failure queue named as Terraform names it). */
export function streamMappingSpecs(
  services: readonly ServiceDefinition[],
  naming: ResourceNaming,
): StreamMappingSpec[] {
  return services.flatMap((service) =>
    Object.entries(service.events.streams).map(([name, mapping]) => ({
      name,
      tableName: tableName(naming, mapping.table),
      functionId: `${service.name}.${mapping.function}`,
      startingPosition: mapping.startingPosition,
      batchSize: mapping.batchSize,
      filterPatterns: mapping.filterPatterns,
      maximumRetryAttempts: mapping.maximumRetryAttempts,
      bisectBatchOnFunctionError: mapping.bisectBatchOnFunctionError,
      reportBatchItemFailures: mapping.reportBatchItemFailures,
      deadLetterQueue: mapping.deadLetterQueue ? deadLetterQueueName(naming.env, `${service.name}-${name}`) : undefined,
    })),
  );
}

export interface StreamDependencies {
  readonly naming: ResourceNaming;
  readonly dynamodbEndpoint: string;
  readonly invoker: Invoker;
  readonly trace: TraceRecorder;
  readonly deadLetters: DeadLetterStore;
  /** Where mappings keep their stream positions across restarts (under the data dir); none in memory. */
  readonly checkpointDir?: string;
  readonly faults?: FaultInjector;
}

/** The tables' streams → their functions, once the tables exist. */
export function startStreams(
  services: readonly ServiceDefinition[],
  deps: StreamDependencies,
): Promise<RunningStreamMappings> {
  return startStreamMappings({
    mappings: streamMappingSpecs(services, deps.naming),
    endpoint: deps.dynamodbEndpoint,
    region: deps.naming.region,
    accountId: deps.naming.accountId,
    invoker: deps.invoker,
    trace: deps.trace,
    deadLetters: deps.deadLetters,
    ...(deps.checkpointDir === undefined ? {} : { checkpointDir: deps.checkpointDir }),
    ...(deps.faults === undefined ? {} : { faults: deps.faults }),
  });
}
