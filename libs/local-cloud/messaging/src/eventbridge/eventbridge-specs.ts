import type { AsyncDelivery, DeliveryFaults } from '../delivery';
import type { TraceRecorder } from '@harbor/local-cloud-trace';

/** A custom event bus as deployed: physical name and ARN. The account's `default` bus always exists. */
export interface BusSpec {
  readonly name: string;
  readonly arn: string;
}

export interface RetryPolicySpec {
  /** 0 to 185, as AWS accepts. */
  readonly maximumRetryAttempts: number;
  /** 60 to 86,400, as AWS accepts. */
  readonly maximumEventAgeSeconds: number;
}

/** A rule with one Lambda target, as declared in a service's events.yaml and resolved by the composition root. */
export interface RuleSpec {
  readonly name: string;
  /** Name of the bus the rule is on (a BusSpec name, or `default`). */
  readonly bus: string;
  readonly eventPattern: Readonly<Record<string, unknown>>;
  /** `<service>.<functionKey>` */
  readonly functionId: string;
  readonly retryPolicy: RetryPolicySpec;
  readonly deadLetterQueue: boolean;
  /** Injected delivery failures, for reliability tests. */
  readonly faults?: DeliveryFaults;
}

export interface LocalEventBridgeOptions {
  readonly buses: readonly BusSpec[];
  readonly rules: readonly RuleSpec[];
  readonly delivery: AsyncDelivery;
  readonly trace: TraceRecorder;
  readonly region: string;
  readonly accountId: string;
  /** Environment name used in dead-letter queue names (`harbor-<env>-<rule>-dlq`). */
  readonly env: string;
  readonly now?: () => Date;
}
