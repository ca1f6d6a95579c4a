import { deadLetterQueueName } from './dead-letter-queue-name';
import type { DeliveryFaults, DeliveryTarget, ServiceRetryPolicy } from './delivery-request';

/** What a subscription and a rule both declare about where their messages go. */
export interface DeclaredTargetSpec {
  readonly name: string;
  /** `<service>.<functionKey>` */
  readonly functionId: string;
  readonly deadLetterQueue: boolean;
  readonly faults?: DeliveryFaults;
}

/** The delivery target of an SNS subscription or an EventBridge rule, its dead-letter queue named as deployed. */
export function declaredTarget(
  service: 'sns' | 'eventbridge',
  spec: DeclaredTargetSpec,
  env: string,
  serviceRetry: ServiceRetryPolicy,
): DeliveryTarget {
  return {
    service,
    name: spec.name,
    functionId: spec.functionId,
    deadLetterQueue: spec.deadLetterQueue ? deadLetterQueueName(env, spec.name) : undefined,
    serviceRetry,
    ...(spec.faults === undefined ? {} : { faults: spec.faults }),
  };
}
