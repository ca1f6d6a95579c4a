import type { DeliveryRequest } from '@harbor/local-cloud-messaging';
import {
  scheduleEnvironment,
  scheduleGroupName,
  type FunctionSchedule,
  type ServiceDefinition,
} from '@harbor/platform-service-definitions';
import { functionArn, scheduleDeadLetterArn, schedulerRoleArn, type ResourceNaming } from '../resource-names';
import { LocalScheduler, type Firing } from './local-scheduler';
import { schedulerEndpoint } from './scheduler-endpoint';
import { ScheduleStore } from './schedule-store';

/**
 * The environment a function gets for each schedule group it names (functions.yaml `schedules`), as Terraform
 * sets it: the group, its target's ARN, the execution role, the dead-letter queue, the window and the retries.
 */
export function scheduleVariables(
  service: ServiceDefinition,
  use: FunctionSchedule,
  naming: ResourceNaming,
): Record<string, string> {
  const declared = service.schedules[use.schedule];
  if (!declared) return {};
  const names = scheduleEnvironment(use.env);
  return {
    [names.groupName]: scheduleGroupName(naming.env, service.name, use.schedule),
    [names.targetArn]: functionArn(naming, service.name, declared.target),
    [names.roleArn]: schedulerRoleArn(naming, service.name, use.schedule),
    [names.deadLetterArn]: scheduleDeadLetterArn(naming, service.name, use.schedule),
    [names.windowSeconds]: String(declared.windowSeconds),
    [names.maximumRetryAttempts]: String(declared.retryPolicy.maximumRetryAttempts),
    [names.maximumEventAgeSeconds]: String(declared.retryPolicy.maximumEventAgeSeconds),
  };
}

export interface LocalSchedulesOptions {
  readonly naming: ResourceNaming;
  readonly deliver: (request: DeliveryRequest) => void;
  /** `<dataDir>/schedules.json`; undefined keeps schedules in memory. */
  readonly file: string | undefined;
  readonly speed: number;
  readonly onFired?: (firing: Firing) => void;
}

/** The local EventBridge Scheduler for the groups the services declare, and its endpoint on the AWS port. */
export function createLocalSchedules(services: readonly ServiceDefinition[], options: LocalSchedulesOptions) {
  const { naming } = options;
  const functionIds = new Map(
    services.flatMap((service) =>
      Object.values(service.functions).map((fn) => [functionArn(naming, service.name, fn.key), fn.id] as const),
    ),
  );
  const functionIdOfArn = (arn: string) => functionIds.get(arn);
  const declared = services.flatMap((service) =>
    Object.keys(service.schedules).map((key) => scheduleGroupName(naming.env, service.name, key)),
  );
  const groups = new Set(['default', ...declared]);
  const scheduler = new LocalScheduler({
    store: new ScheduleStore(options.file),
    deliver: options.deliver,
    functionIdOfArn,
    speed: options.speed,
    ...(options.onFired ? { onFired: options.onFired } : {}),
  });
  const endpoint = schedulerEndpoint({
    scheduler,
    groups,
    functionIdOfArn,
    region: naming.region,
    accountId: naming.accountId,
  });
  return { scheduler, endpoint, groups };
}
