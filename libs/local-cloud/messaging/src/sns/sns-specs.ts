import type { AsyncDelivery, DeliveryFaults } from '../delivery';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { FilterPolicyScope } from '../matcher';

/** A topic as deployed: physical name (`harbor-<env>-<topic>`) and its ARN. */
export interface TopicSpec {
  readonly name: string;
  readonly arn: string;
}

/** A Lambda subscription, as declared in a service's events.yaml and resolved by the composition root. */
export interface SubscriptionSpec {
  readonly name: string;
  readonly topicArn: string;
  /** `<service>.<functionKey>` */
  readonly functionId: string;
  readonly filterPolicy?: Readonly<Record<string, unknown>>;
  readonly filterPolicyScope: FilterPolicyScope;
  readonly rawMessageDelivery: boolean;
  readonly deadLetterQueue: boolean;
  /** Injected delivery failures, for reliability tests. */
  readonly faults?: DeliveryFaults;
}

export interface LocalSnsOptions {
  readonly topics: readonly TopicSpec[];
  readonly subscriptions: readonly SubscriptionSpec[];
  readonly delivery: AsyncDelivery;
  readonly trace: TraceRecorder;
  readonly region: string;
  readonly accountId: string;
  /** Environment name used in dead-letter queue names (`harbor-<env>-<subscription>-dlq`). */
  readonly env: string;
  /** The subscription endpoint shown by ListSubscriptionsByTopic; defaults to a Lambda ARN built from the id. */
  readonly functionArn?: (functionId: string) => string;
  readonly now?: () => Date;
}
