import { PublishCommand, SNSClient, type PublishCommandInput } from '@aws-sdk/client-sns';
import { OrderStatusChanged, type EventEnvelope } from '@harbor/contracts';
import { EventsNotPublished } from '@harbor/platform-outbox';
import { mockClient } from 'aws-sdk-client-mock';
import { orderStatusMessageAttributes } from './order-status.message-attributes';
import { SnsEventPublisher } from './sns.event-publisher';

const sns = mockClient(SNSClient);
beforeEach(() => sns.reset());

const statusChanged = (eventId: string, status: 'CONFIRMED' | 'PAID' = 'CONFIRMED'): EventEnvelope =>
  OrderStatusChanged.envelopeSchema.parse({
    eventId,
    eventType: 'OrderStatusChanged',
    version: 1,
    occurredAt: '2099-03-01T10:00:00.000Z',
    correlationId: 'req-1',
    causationId: 'evt-1',
    payload: {
      orderId: '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f',
      customerId: 'alice',
      status,
      previousStatus: 'PENDING',
      total: { amountMinor: 150000, currency: 'EUR' },
    },
  });

const publisher = () =>
  new SnsEventPublisher({
    topicArn: 'arn:aws:sns:eu-west-1:000000000000:harbor-test-order-status',
    attributesOf: orderStatusMessageAttributes,
    client: new SNSClient({}),
  });

describe('SnsEventPublisher', () => {
  it('publishes the envelope as the body, with the attributes subscribers filter on', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const envelope = statusChanged('3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e');

    await publisher().publish([envelope]);

    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input as PublishCommandInput;
    expect(input.TopicArn).toBe('arn:aws:sns:eu-west-1:000000000000:harbor-test-order-status');
    expect(JSON.parse(input.Message!)).toEqual(envelope);
    expect(input.MessageAttributes).toEqual({
      eventType: { DataType: 'String', StringValue: 'OrderStatusChanged' },
      version: { DataType: 'Number', StringValue: '1' },
      status: { DataType: 'String', StringValue: 'CONFIRMED' },
      customerId: { DataType: 'String', StringValue: 'alice' },
      totalMinor: { DataType: 'Number', StringValue: '150000' },
      currency: { DataType: 'String', StringValue: 'EUR' },
      correlationId: { DataType: 'String', StringValue: 'req-1' },
    });
  });

  it('attempts every message and names only the refused ones', async () => {
    const refusedId = '4f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e';
    sns.on(PublishCommand).callsFake((input: PublishCommandInput) => {
      if (input.Message!.includes(refusedId))
        throw Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException' });
      return { MessageId: 'm' };
    });

    const failure = publisher().publish([
      statusChanged('3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e'),
      statusChanged(refusedId, 'PAID'),
    ]);

    await expect(failure).rejects.toBeInstanceOf(EventsNotPublished);
    await expect(failure).rejects.toMatchObject({
      failures: [{ eventId: refusedId, errorCode: 'NotFoundException', errorMessage: 'Topic does not exist' }],
    });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
  });

  it('refuses an envelope that is not an OrderStatusChanged before sending anything', async () => {
    const wrong = {
      ...statusChanged('3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e'),
      eventType: 'OrderPlaced',
    } as EventEnvelope;
    expect(() => orderStatusMessageAttributes(wrong)).toThrow('eventType');
  });
});
