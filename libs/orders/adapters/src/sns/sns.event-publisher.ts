import { PublishCommand, SNSClient, type MessageAttributeValue } from '@aws-sdk/client-sns';
import type { EventEnvelope } from '@harbor/contracts';
import type { EventPublisher } from '@harbor/orders-application';
import { EventsNotPublished } from '@harbor/platform-outbox';

export interface SnsEventPublisherOptions {
  readonly topicArn: string;
  /** The message attributes subscribers filter on, derived from the envelope's contract. */
  readonly attributesOf: (envelope: EventEnvelope) => Record<string, MessageAttributeValue>;
  readonly client?: SNSClient;
}

/**
 * Publishes each envelope as one SNS message: body = the envelope JSON, attributes from `attributesOf`. Every
 * message is attempted (the SDK retries each call); the ones SNS still refused are reported by event id.
 */
export class SnsEventPublisher implements EventPublisher {
  private readonly client: SNSClient;

  constructor(private readonly options: SnsEventPublisherOptions) {
    if (!options.topicArn) throw new TypeError('SnsEventPublisher needs a topicArn');
    this.client = options.client ?? new SNSClient({});
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    const results = await Promise.allSettled(
      events.map((envelope) =>
        this.client.send(
          new PublishCommand({
            TopicArn: this.options.topicArn,
            Message: JSON.stringify(envelope),
            MessageAttributes: this.options.attributesOf(envelope),
          }),
        ),
      ),
    );
    const failures = results.flatMap((result, index) => {
      if (result.status === 'fulfilled') return [];
      const error: unknown = result.reason;
      return [
        {
          eventId: events[index]!.eventId,
          errorCode: error instanceof Error ? error.name : 'UnknownError',
          ...(error instanceof Error && error.message ? { errorMessage: error.message } : {}),
        },
      ];
    });
    if (failures.length > 0) throw new EventsNotPublished(failures);
  }
}
