import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { deliveredAttributes, type MessageAttributes } from './message-attributes';
import type { PublishInput } from './publish-input';
import type { SnsContext } from './sns-context';
import { snsLambdaEvent } from './sns-lambda-event';
import type { CompiledTopic } from './sns-topology';

/**
 * Accepts one message on a topic: gives it an id, hands one delivery per matching subscription to the async
 * delivery engine, and records the publish hop (with which subscriptions filtered it out, and why).
 * Returns the message id at once; deliveries run after the API call has answered.
 */
export function acceptMessage(topic: CompiledTopic, input: PublishInput, context: SnsContext): string {
  const startedAt = performance.now();
  const messageId = randomUUID();
  const timestamp = context.now();
  const correlationId = correlationIdOf(input.attributes) ?? messageId;
  // AWS sends message attributes only when the message structure is a string, not JSON.
  const attributes = input.messageStructure === 'json' ? {} : deliveredAttributes(input.attributes);
  const delivered: string[] = [];
  const filteredOut: { subscription: string; reason: string; path: string }[] = [];
  for (const subscription of topic.subscriptions) {
    const outcome = subscription.filter?.evaluate({ attributes: input.attributes, body: input.lambdaMessage }) ?? {
      matched: true,
    };
    if (!outcome.matched) {
      filteredOut.push({ subscription: subscription.spec.name, reason: outcome.reason, path: outcome.path });
      continue;
    }
    context.delivery.deliver({
      target: subscription.target,
      origin: topic.spec.name,
      messageId,
      correlationId,
      event: snsLambdaEvent({
        subscriptionArn: subscription.arn,
        topicArn: topic.spec.arn,
        region: context.region,
        messageId,
        message: input.lambdaMessage,
        subject: input.subject,
        attributes,
        timestamp,
      }),
    });
    delivered.push(subscription.spec.name);
  }
  context.trace.record({
    correlationId,
    kind: 'publish',
    name: topic.spec.name,
    startedAt: timestamp,
    durationMs: performance.now() - startedAt,
    status: 'ok',
    detail: { messageId, topicArn: topic.spec.arn, deliveredTo: delivered, filteredOut },
    // As published; each subscriber's invoke hop carries the SNS event it was delivered.
    payload: {
      message: input.message,
      subject: input.subject,
      messageAttributes: input.messageStructure === 'json' ? undefined : attributes,
    },
  });
  return messageId;
}

/** A `correlationId` String attribute carries the caller's correlation id across the topic. */
function correlationIdOf(attributes: MessageAttributes): string | undefined {
  const attribute = attributes['correlationId'];
  return attribute?.dataType.startsWith('String') && attribute.stringValue ? attribute.stringValue : undefined;
}
