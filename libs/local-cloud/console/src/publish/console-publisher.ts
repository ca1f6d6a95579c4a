import type { AwsHttpRequest, AwsHttpResponse } from '@harbor/local-cloud-messaging';
import { ConsoleResourceNotFound, InvalidConsoleRequest } from '../errors';
import type { MessagingDeclarations } from '../messaging/messaging-view';
import { isObject, readConsoleMessage } from './console-message';
import { readEventBridgeAnswer, putEventsRequest, readConsoleEvent } from './put-events-request';
import { readSnsAnswer, snsPublishRequest } from './sns-publish-request';

/** An emulator as the AWS endpoint holds it: the console sends it the very request an SDK would. */
export interface AwsEmulator {
  handle(request: AwsHttpRequest): Promise<AwsHttpResponse>;
}

export interface PublishingEmulators {
  readonly sns: AwsEmulator;
  readonly eventBridge: AwsEmulator;
}

/** A 4xx the emulator answered, passed on with AWS's own code and message. */
function awsRefusal(service: string, status: number, code: string, message: string): Error {
  if (status >= 500) return new Error(`${service} answered ${status} ${code}: ${message}`);
  return new InvalidConsoleRequest(`${service} refused it: ${code}: ${message}`, { awsCode: code });
}

/**
 * `POST /_local/publish` and `POST /_local/put-events`: the console's "send" buttons. Each builds the request an SDK
 * sends (SNS Publish, EventBridge PutEvents) and hands it to the running emulator, so validation, fan-out, filters,
 * retries, dead-letter queues and the trace are the ones every other publisher gets.
 */
export class ConsolePublisher {
  constructor(
    private readonly emulators: PublishingEmulators,
    private readonly declarations: Pick<MessagingDeclarations, 'topics' | 'buses'>,
  ) {}

  /** `{ topic: name or ARN, message: { body, attributes?, subject? } }` → `{ messageId, correlationId }`. */
  async publish(body: unknown): Promise<{ messageId: string; correlationId: string; topicArn: string }> {
    if (!isObject(body) || typeof body['topic'] !== 'string')
      throw new InvalidConsoleRequest('the body must be { topic, message: { body, attributes?, subject? } }');
    const name = body['topic'];
    const topic = this.declarations.topics.find((candidate) => candidate.name === name || candidate.arn === name);
    if (!topic)
      throw new ConsoleResourceNotFound(
        'topic',
        name,
        this.declarations.topics.map((candidate) => candidate.name),
      );
    const message = readConsoleMessage(body['message']);
    const answer = await this.emulators.sns.handle(snsPublishRequest(topic.arn, message));
    const read = readSnsAnswer(answer.body);
    if (answer.status !== 200 || read.messageId === undefined)
      throw awsRefusal('SNS Publish', answer.status, read.code ?? 'Unknown', read.message ?? answer.body);
    // The publish hop is recorded under the message's correlationId attribute, else under its message id.
    const attribute = message.attributes['correlationId'];
    const correlationId = attribute?.Type.startsWith('String') && attribute.Value ? attribute.Value : read.messageId;
    return { messageId: read.messageId, correlationId, topicArn: topic.arn };
  }

  /** `{ bus?, event: { source, detail-type, detail, resources? } }` → `{ eventId, correlationId }`. */
  async putEvent(body: unknown): Promise<{ eventId: string; correlationId: string; bus: string }> {
    if (!isObject(body)) throw new InvalidConsoleRequest('the body must be { bus?, event }');
    const busName = body['bus'] ?? this.declarations.buses[0]?.name;
    const bus = this.declarations.buses.find((candidate) => candidate.name === busName || candidate.arn === busName);
    if (!bus)
      throw new ConsoleResourceNotFound(
        'bus',
        String(busName),
        this.declarations.buses.map((candidate) => candidate.name),
      );
    const event = readConsoleEvent(body['event']);
    const answer = await this.emulators.eventBridge.handle(putEventsRequest(bus.name, event));
    const read = readEventBridgeAnswer(answer.body);
    if (answer.status !== 200 || read.eventId === undefined)
      throw awsRefusal('EventBridge PutEvents', answer.status, read.code ?? 'Unknown', read.message ?? answer.body);
    const detailCorrelationId = isObject(event.detail) ? event.detail['correlationId'] : undefined;
    const correlationId =
      typeof detailCorrelationId === 'string' && detailCorrelationId !== '' ? detailCorrelationId : read.eventId;
    return { eventId: read.eventId, correlationId, bus: bus.name };
  }
}
