import { SNSClient } from '@aws-sdk/client-sns';
import { OrderStatusChanged, type EventEnvelope } from '@harbor/contracts';
import { accessMeter, describeDeclaredAccess, recordCommands } from '@harbor/platform-access/testing';
import { orderStatusMessageAttributes } from './order-status.message-attributes';
import { SnsEventPublisher } from './sns.event-publisher';
import { snsEventPublisherAccess as access } from './sns.event-publisher.access';

// The topic accepts every message (refusals are sns.event-publisher.spec.ts's subject).
const recorder = recordCommands(SNSClient, () => ({ MessageId: 'm-1' }));
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const topicArn = 'arn:aws:sns:eu-west-1:000000000000:harbor-test-order-status';
const statusChanged = (eventId: string): EventEnvelope =>
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
      status: 'CONFIRMED',
      previousStatus: 'PENDING',
      total: { amountMinor: 1500, currency: 'EUR' },
    },
  });

describe('SnsEventPublisher sends exactly what snsEventPublisherAccess declares', () => {
  it('publish: one Publish per event, to its topic', async () => {
    const publisher = new SnsEventPublisher({
      topicArn,
      attributesOf: orderStatusMessageAttributes,
      client: new SNSClient({ region: 'eu-west-1' }),
    });
    await meter.measure(() =>
      publisher.publish([
        statusChanged('3f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e'),
        statusChanged('4f0c2a56-8d7e-4b1a-9c3e-2f4b5a6c7d8e'),
      ]),
    );
    expect(meter.accessed()).toEqual(
      describeDeclaredAccess(access.methods.publish, { topics: { 'order-status': topicArn } }),
    );
  });
});
