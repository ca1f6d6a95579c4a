import {
  AsyncDelivery,
  LocalEventBridge,
  LocalSns,
  type AsyncDeliveryOptions,
  type RuleSpec,
  type SubscriptionSpec,
  type TopicSpec,
} from '@harbor/local-cloud-messaging';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { TraceRecorder } from '@harbor/local-cloud-trace';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import { busArn, busName, functionName, topicArn, type ResourceNaming } from './resource-names';

/** SNS topics and subscriptions, the EventBridge bus and rules, all from the services' events.yaml. */
export function createMessaging(
  services: readonly ServiceDefinition[],
  naming: ResourceNaming,
  invoker: Invoker,
  trace: TraceRecorder,
  reliability: Pick<AsyncDeliveryOptions, 'faults' | 'journal' | 'deadLetterLog'> = {},
) {
  const topics: TopicSpec[] = services.flatMap((service) =>
    Object.keys(service.events.topics).map((topic) => ({
      name: `harbor-${naming.env}-${topic}`,
      arn: topicArn(naming, topic),
    })),
  );
  const subscriptions: SubscriptionSpec[] = services.flatMap((service) =>
    Object.entries(service.events.subscriptions).map(([name, subscription]) => ({
      name,
      topicArn: topicArn(naming, subscription.topic),
      functionId: `${service.name}.${subscription.function}`,
      filterPolicy: subscription.filterPolicy,
      filterPolicyScope: subscription.filterPolicyScope,
      rawMessageDelivery: subscription.rawMessageDelivery,
      deadLetterQueue: subscription.deadLetterQueue,
    })),
  );
  const rules: RuleSpec[] = services.flatMap((service) =>
    Object.entries(service.events.rules).map(([name, rule]) => ({
      name,
      bus: busName(naming),
      eventPattern: rule.eventPattern,
      functionId: `${service.name}.${rule.function}`,
      retryPolicy: rule.retryPolicy,
      deadLetterQueue: rule.deadLetterQueue,
    })),
  );
  const delivery = new AsyncDelivery({ invoker, trace, ...reliability });
  const common = { delivery, trace, region: naming.region, accountId: naming.accountId, env: naming.env };
  const functionArn = (id: string) => {
    const [service, key] = id.split('.');
    return `arn:aws:lambda:${naming.region}:${naming.accountId}:function:${functionName(naming, service, key)}`;
  };
  const sns = new LocalSns({ ...common, topics, subscriptions, functionArn });
  const eventBridge = new LocalEventBridge({
    ...common,
    buses: [{ name: busName(naming), arn: busArn(naming) }],
    rules,
  });
  return { delivery, sns, eventBridge, topics, subscriptions, rules };
}

export type Messaging = ReturnType<typeof createMessaging>;
