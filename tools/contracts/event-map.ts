import type { ServiceDefinition, SubscriptionDefinition, RuleDefinition } from '@harbor/platform-service-definitions';
import type * as z from 'zod';

/** One SNS message attribute a publisher sets (what filter policies can select on). */
export interface MessageAttribute {
  readonly name: string;
  readonly dataType: 'String' | 'Number';
}

/** Where a message is published: the platform bus (EventBridge) or a topic (SNS). */
export type Channel =
  { readonly kind: 'eventbridge'; readonly bus: string } | { readonly kind: 'sns'; readonly topic: string };

/** One kind of message on one channel: a versioned event, or a payload a REST route publishes straight to SNS. */
export interface PublishedMessage {
  /** `OrderPlaced.v1`, or the payload's name when it is not a versioned event. */
  readonly key: string;
  readonly name: string;
  readonly version: number | undefined;
  readonly schema: z.ZodType;
  /** The values subscribers see as `eventType` (SNS) or `detail-type` (EventBridge). */
  readonly eventTypes: readonly string[];
  readonly publisher: string;
  readonly channel: Channel;
  /** `source` on EventBridge. */
  readonly source?: string;
  /** SNS message attributes, in the order the publisher sets them. */
  readonly attributes?: readonly MessageAttribute[];
  /** Who publishes it when no service code does (`POST /payments/webhook`). */
  readonly publishedBy?: string;
}

export type Consumption =
  | { readonly kind: 'subscription'; readonly name: string; readonly definition: SubscriptionDefinition }
  | { readonly kind: 'rule'; readonly name: string; readonly definition: RuleDefinition };

/** A subscription or rule of one service, with the messages it selects. */
export interface Consumer {
  readonly service: string;
  readonly functionId: string;
  readonly consumption: Consumption;
  readonly channel: Channel;
  readonly messages: readonly PublishedMessage[];
}

export interface EventMap {
  readonly services: readonly ServiceDefinition[];
  readonly messages: readonly PublishedMessage[];
  readonly consumers: readonly Consumer[];
}

/** Which messages a subscription or rule selects: by `eventType` / `source` and `detail-type` when it names them. */
export function selectedMessages(consumption: Consumption, messages: readonly PublishedMessage[]): PublishedMessage[] {
  if (consumption.kind === 'subscription') {
    const { topic, filterPolicy } = consumption.definition;
    const eventTypes = plainStrings(filterPolicy?.['eventType']);
    return messages.filter(
      (message) =>
        message.channel.kind === 'sns' &&
        message.channel.topic === topic &&
        (!eventTypes || message.eventTypes.some((type) => eventTypes.includes(type))),
    );
  }
  const { bus, eventPattern } = consumption.definition;
  const sources = plainStrings(eventPattern['source']);
  const detailTypes = plainStrings(eventPattern['detail-type']);
  return messages.filter(
    (message) =>
      message.channel.kind === 'eventbridge' &&
      message.channel.bus === bus &&
      (!sources || (message.source !== undefined && sources.includes(message.source))) &&
      (!detailTypes || message.eventTypes.some((type) => detailTypes.includes(type))),
  );
}

/** A filter's list of exact values; undefined when it is absent or uses operators (then it selects everything). */
function plainStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}

export function consumersOf(services: readonly ServiceDefinition[], messages: readonly PublishedMessage[]): Consumer[] {
  return services.flatMap((service) => {
    const consumptions: Consumption[] = [
      ...Object.entries(service.events.subscriptions).map(([name, definition]) => ({
        kind: 'subscription' as const,
        name,
        definition,
      })),
      ...Object.entries(service.events.rules).map(([name, definition]) => ({
        kind: 'rule' as const,
        name,
        definition,
      })),
    ];
    return consumptions.map((consumption) => ({
      service: service.name,
      functionId:
        service.functions[consumption.definition.function]?.id ?? `${service.name}.${consumption.definition.function}`,
      consumption,
      channel:
        consumption.kind === 'subscription'
          ? { kind: 'sns' as const, topic: consumption.definition.topic }
          : { kind: 'eventbridge' as const, bus: consumption.definition.bus },
      messages: selectedMessages(consumption, messages),
    }));
  });
}
