import { createHash } from 'node:crypto';
import type { DeliveryTarget } from '../delivery';
import { declaredTarget } from '../delivery/declared-target';
import { messageOf } from '../delivery/thrown-error';
import { InvalidSnsDeclaration } from './errors';
import type { LocalSnsOptions, SubscriptionSpec, TopicSpec } from './sns-specs';
import { compileSubscriptionFilter, type SubscriptionFilter } from './subscription-filter';

export interface CompiledSubscription {
  readonly spec: SubscriptionSpec;
  readonly arn: string;
  /** The Lambda function ARN SNS shows as the subscription endpoint. */
  readonly endpoint: string;
  readonly filter: SubscriptionFilter | undefined;
  readonly target: DeliveryTarget;
}

export interface CompiledTopic {
  readonly spec: TopicSpec;
  readonly subscriptions: readonly CompiledSubscription[];
}

const TOPIC_ARN = /^arn:[a-z-]+:sns:[a-z0-9-]+:\d{12}:([A-Za-z0-9_-]{1,256})$/;

/** Topics and their subscriptions, checked and compiled once: a bad declaration stops start-up, naming itself. */
export class SnsTopology {
  private readonly byTopicArn = new Map<string, CompiledTopic>();

  constructor(
    options: Pick<LocalSnsOptions, 'topics' | 'subscriptions' | 'region' | 'accountId' | 'env' | 'functionArn'>,
  ) {
    const functionArn =
      options.functionArn ??
      ((functionId: string) =>
        `arn:aws:lambda:${options.region}:${options.accountId}:function:harbor-${options.env}-${functionId.replace(/\./g, '-')}`);
    const subscriptionsByTopic = new Map<string, CompiledSubscription[]>();
    for (const topic of options.topics) {
      checkTopic(topic, this.byTopicArn);
      subscriptionsByTopic.set(topic.arn, []);
      this.byTopicArn.set(topic.arn, { spec: topic, subscriptions: subscriptionsByTopic.get(topic.arn) ?? [] });
    }
    const names = new Set<string>();
    for (const spec of options.subscriptions) {
      if (names.has(spec.name))
        throw new InvalidSnsDeclaration(`Subscription ${spec.name} is declared twice`, spec.name);
      names.add(spec.name);
      const subscriptions = subscriptionsByTopic.get(spec.topicArn);
      if (!subscriptions) {
        throw new InvalidSnsDeclaration(`Subscription ${spec.name}: topic ${spec.topicArn} is not declared`, spec.name);
      }
      subscriptions.push(compileSubscription(spec, options.env, functionArn(spec.functionId)));
    }
  }

  topics(): CompiledTopic[] {
    return [...this.byTopicArn.values()];
  }

  topic(arn: string): CompiledTopic | undefined {
    return this.byTopicArn.get(arn);
  }

  /** Dead-letter queue names of every subscription that has one. */
  deadLetterQueues(): string[] {
    return this.topics().flatMap((topic) =>
      topic.subscriptions.flatMap((subscription) => subscription.target.deadLetterQueue ?? []),
    );
  }
}

export function isTopicArn(value: string): boolean {
  return TOPIC_ARN.test(value);
}

function checkTopic(topic: TopicSpec, known: ReadonlyMap<string, CompiledTopic>): void {
  if (topic.name.endsWith('.fifo')) {
    throw new InvalidSnsDeclaration(
      `Topic ${topic.name}: FIFO topics are not emulated (and AWS does not deliver them to Lambda)`,
    );
  }
  const match = TOPIC_ARN.exec(topic.arn);
  if (!match || match[1] !== topic.name) {
    throw new InvalidSnsDeclaration(
      `Topic ${topic.name}: ${topic.arn} is not an SNS topic ARN ending in the topic's name`,
    );
  }
  if (known.has(topic.arn)) throw new InvalidSnsDeclaration(`Topic ${topic.arn} is declared twice`);
}

function compileSubscription(spec: SubscriptionSpec, env: string, endpoint: string): CompiledSubscription {
  if (spec.rawMessageDelivery) {
    throw new InvalidSnsDeclaration(
      `Subscription ${spec.name}: Invalid parameter: Attributes Reason: Delivery protocol [lambda] does not support raw message delivery.`,
    );
  }
  if (spec.filterPolicyScope !== 'MessageAttributes' && spec.filterPolicyScope !== 'MessageBody') {
    throw new InvalidSnsDeclaration(
      `Subscription ${spec.name}: FilterPolicyScope: Invalid value [${String(spec.filterPolicyScope)}]. Please use either MessageBody or MessageAttributes`,
    );
  }
  let filter: SubscriptionFilter | undefined;
  try {
    filter =
      spec.filterPolicy === undefined
        ? undefined
        : compileSubscriptionFilter(spec.filterPolicy, spec.filterPolicyScope);
  } catch (error) {
    const message = `Subscription ${spec.name}: invalid filter policy: ${messageOf(error)}`;
    throw new InvalidSnsDeclaration(message, spec.name, { cause: error });
  }
  return {
    spec,
    arn: `${spec.topicArn}:${stableUuid(`${spec.topicArn}/${spec.name}`)}`,
    endpoint,
    filter,
    target: declaredTarget('sns', spec, env, { kind: 'sns-managed-endpoint' }),
  };
}

/** Subscription ids stay the same across restarts, so ARNs seen in logs keep meaning something. */
function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
