import { deadLetterQueueName } from '@harbor/local-cloud-messaging';

/** The declarations the view is built from (the shapes the SNS and EventBridge emulators take). */
export interface MessagingDeclarations {
  readonly env: string;
  readonly topics: readonly { readonly name: string; readonly arn: string }[];
  readonly subscriptions: readonly SubscriptionDeclaration[];
  readonly buses: readonly { readonly name: string; readonly arn: string }[];
  readonly rules: readonly RuleDeclaration[];
}

export interface SubscriptionDeclaration {
  readonly name: string;
  readonly topicArn: string;
  readonly functionId: string;
  readonly filterPolicy?: Readonly<Record<string, unknown>>;
  readonly filterPolicyScope: 'MessageAttributes' | 'MessageBody';
  readonly rawMessageDelivery: boolean;
  readonly deadLetterQueue: boolean;
}

export interface RuleDeclaration {
  readonly name: string;
  readonly bus: string;
  readonly eventPattern: Readonly<Record<string, unknown>>;
  readonly functionId: string;
  readonly retryPolicy?: { readonly maximumRetryAttempts: number; readonly maximumEventAgeSeconds: number };
  readonly deadLetterQueue: boolean;
}

/**
 * `GET /_local/messaging`: every topic with its subscriptions (filter policy, scope, raw delivery, dead-letter queue
 * name) and every bus with its rules (pattern, target, retry policy, dead-letter queue name).
 */
export function messagingView(declarations: MessagingDeclarations) {
  const dlq = (declared: boolean, name: string) =>
    declared ? { deadLetterQueue: deadLetterQueueName(declarations.env, name) } : {};
  return {
    topics: declarations.topics.map((topic) => ({
      name: topic.name,
      arn: topic.arn,
      subscriptions: declarations.subscriptions
        .filter((subscription) => subscription.topicArn === topic.arn)
        .map((subscription) => ({
          name: subscription.name,
          functionId: subscription.functionId,
          ...(subscription.filterPolicy ? { filterPolicy: subscription.filterPolicy } : {}),
          filterPolicyScope: subscription.filterPolicyScope,
          rawMessageDelivery: subscription.rawMessageDelivery,
          ...dlq(subscription.deadLetterQueue, subscription.name),
        })),
    })),
    buses: declarations.buses.map((bus) => ({
      name: bus.name,
      arn: bus.arn,
      rules: declarations.rules
        .filter((rule) => rule.bus === bus.name)
        .map((rule) => ({
          name: rule.name,
          eventPattern: rule.eventPattern,
          functionId: rule.functionId,
          ...dlq(rule.deadLetterQueue, rule.name),
          ...(rule.retryPolicy ? { retryPolicy: rule.retryPolicy } : {}),
        })),
    })),
  };
}
