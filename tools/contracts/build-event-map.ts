import { eventContracts, PAYMENT_EVENT_TYPES, PaymentNotification, type EventContract } from '@harbor/contracts';
import type { ServiceDefinition } from '@harbor/platform-service-definitions';
import type * as z from 'zod';
import { consumersOf, type EventMap, type MessageAttribute, type PublishedMessage } from './event-map';
import { SNS_MESSAGE_ATTRIBUTES } from './sns-message-attributes';

/** Payloads a REST route publishes straight to SNS, by the name of the request body's schema in openapi.yaml. */
const API_PUBLISHED_PAYLOADS: Readonly<Record<string, { schema: z.ZodType; eventTypes: readonly string[] }>> = {
  PaymentNotification: { schema: PaymentNotification, eventTypes: PAYMENT_EVENT_TYPES },
};

export function buildEventMap(
  services: readonly ServiceDefinition[],
  contracts: readonly EventContract[] = eventContracts,
): EventMap {
  const messages = services.flatMap((service) => [
    ...publishedEvents(service, contracts),
    ...apiPublishedMessages(service),
  ]);
  return { services, messages, consumers: consumersOf(services, messages) };
}

function publishedEvents(service: ServiceDefinition, contracts: readonly EventContract[]): PublishedMessage[] {
  const versionsOf = (name: string) => {
    const found = contracts.filter((contract) => contract.name === name).sort((a, b) => a.version - b.version);
    if (found.length === 0)
      throw new Error(`apps/${service.name}/api/events.yaml publishes ${name}, which libs/contracts does not register`);
    return found;
  };
  const { eventbridge, sns } = service.events.publishes;
  const onBus = eventbridge
    ? eventbridge.events.flatMap(versionsOf).map((contract): PublishedMessage => ({
        ...identity(contract),
        publisher: service.name,
        channel: { kind: 'eventbridge', bus: eventbridge.bus },
        source: eventbridge.source,
      }))
    : [];
  const onTopic = sns
    ? sns.events.flatMap(versionsOf).map((contract): PublishedMessage => ({
        ...identity(contract),
        publisher: service.name,
        channel: { kind: 'sns', topic: sns.topic },
        attributes: snsAttributesOf(contract.name),
      }))
    : [];
  return [...onBus, ...onTopic];
}

const identity = (contract: EventContract) => ({
  key: `${contract.name}.v${contract.version}`,
  name: contract.name,
  version: contract.version,
  schema: contract.envelopeSchema,
  eventTypes: [contract.name],
});

function snsAttributesOf(eventName: string): MessageAttribute[] {
  const attributes = SNS_MESSAGE_ATTRIBUTES[eventName];
  if (!attributes)
    throw new Error(
      `${eventName} is published to SNS but tools/contracts knows no message attributes for it: add it to SNS_MESSAGE_ATTRIBUTES (tools/contracts/sns-message-attributes.ts)`,
    );
  return Object.entries(attributes()).map(([name, value]) => ({ name, dataType: value.DataType }));
}

type Operation = {
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  'x-amazon-apigateway-integration'?: Record<string, unknown>;
};

const SNS_PUBLISH_URI = /:sns:action\/Publish$/;
const TOPIC_ROLE = /\$\{sns_publish_role_arns\.([a-z0-9-]+)\}/;
const ATTRIBUTE_ENTRY =
  /MessageAttributes\.entry\.(\d+)\.Name=([A-Za-z0-9_.-]+)&MessageAttributes\.entry\.\1\.Value\.DataType=(String|Number)/g;

/** REST routes whose AWS integration publishes the request body to a topic, with the attributes its template sets. */
function apiPublishedMessages(service: ServiceDefinition): PublishedMessage[] {
  const paths = (service.openapi?.paths ?? {}) as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => {
      const integration = operation['x-amazon-apigateway-integration'];
      const topic = String(integration?.['credentials'] ?? '').match(TOPIC_ROLE)?.[1];
      if (!integration || !SNS_PUBLISH_URI.test(String(integration['uri'])) || !topic) return [];
      const name = operation.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop() ?? '';
      const payload = API_PUBLISHED_PAYLOADS[name];
      if (!payload)
        throw new Error(
          `${method.toUpperCase()} ${path} publishes ${name || 'a body'} to ${topic}, which tools/contracts cannot find in API_PUBLISHED_PAYLOADS`,
        );
      const template = JSON.stringify(integration['requestTemplates'] ?? {});
      const attributes = [...template.matchAll(ATTRIBUTE_ENTRY)].map((match): MessageAttribute => ({
        name: match[2],
        dataType: match[3] as 'String' | 'Number',
      }));
      return [
        {
          key: name,
          name,
          version: undefined,
          schema: payload.schema,
          eventTypes: payload.eventTypes,
          publisher: service.name,
          channel: { kind: 'sns' as const, topic },
          attributes,
          publishedBy: `${method.toUpperCase()} ${path} on the REST API`,
        },
      ];
    }),
  );
}
