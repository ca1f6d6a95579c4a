import type { MatchExplanation } from '@harbor/local-cloud-messaging';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import { explainMatch } from '../match/match-request';
import type { MessagingDeclarations } from '../messaging/messaging-view';
import { isObject } from './console-message';

interface Recipient extends MatchExplanation {
  readonly name: string;
  readonly functionId: string;
}

/**
 * `POST /_local/recipients`: before sending, who would receive it. `{ topic, message }` answers every subscription of
 * the topic, `{ bus?, event }` every rule of the bus, each with the matcher's verdict and the failing key.
 */
export function recipients(body: unknown, declarations: MessagingDeclarations): { recipients: Recipient[] } {
  if (!isObject(body)) throw new InvalidConsoleRequest('the body must be { topic, message } or { bus?, event }');
  if (typeof body['topic'] === 'string') {
    const name = body['topic'];
    const topic = declarations.topics.find((candidate) => candidate.name === name || candidate.arn === name);
    if (!topic)
      throw new ConsoleResourceNotFound(
        'topic',
        name,
        declarations.topics.map((candidate) => candidate.name),
      );
    const message = isObject(body['message']) ? { ...body['message'], body: parsedBody(body['message']['body']) } : {};
    return {
      recipients: declarations.subscriptions
        .filter((subscription) => subscription.topicArn === topic.arn)
        .map((subscription) => ({
          name: subscription.name,
          functionId: subscription.functionId,
          ...explainMatch({ subscription: subscription.name, message }, declarations),
        })),
    };
  }
  if (!('event' in body)) throw new InvalidConsoleRequest('name a "topic" with a "message", or give an "event"');
  const busName = body['bus'] ?? declarations.buses[0]?.name;
  const bus = declarations.buses.find((candidate) => candidate.name === busName || candidate.arn === busName);
  if (!bus)
    throw new ConsoleResourceNotFound(
      'bus',
      String(busName),
      declarations.buses.map((candidate) => candidate.name),
    );
  return {
    recipients: declarations.rules
      .filter((rule) => rule.bus === bus.name)
      .map((rule) => ({
        name: rule.name,
        functionId: rule.functionId,
        ...explainMatch({ rule: rule.name, event: body['event'] }, declarations),
      })),
  };
}

/** A body-scope policy filters the message as JSON when it is JSON text, as SNS parses it. */
function parsedBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
