import { EventBridgeClient, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import type { EventEnvelope } from '@harbor/contracts';
import { accessMeter, describeDeclaredAccess, recordCommands, type SentCommand } from '@harbor/platform-access/testing';
import { EventBridgeEventPublisher } from './eventbridge.event-publisher';
import { eventBridgeEventPublisherAccess as access } from './eventbridge.event-publisher.access';

// The bus accepts every entry (the publisher's retries are eventbridge.event-publisher.spec.ts's subject).
const accepted = (command: SentCommand) => {
  const entries = (command.input as PutEventsCommandInput).Entries ?? [];
  return { FailedEntryCount: 0, Entries: entries.map((_, i) => ({ EventId: `eb-${i}` })) };
};
const recorder = recordCommands(EventBridgeClient, accepted);
const meter = accessMeter(recorder);
afterAll(() => recorder.restore());

const envelope = (n: number): EventEnvelope => ({
  eventId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  eventType: 'OrderPlaced',
  version: 1,
  occurredAt: '2099-03-01T10:00:00.000Z',
  correlationId: 'request-1',
  causationId: 'request-1',
  payload: { orderId: `order-${n}` },
});

describe('EventBridgeEventPublisher sends exactly what eventBridgeEventPublisherAccess declares', () => {
  const publisher = new EventBridgeEventPublisher({
    busName: 'harbor-test-events',
    source: 'harbor.orders',
    client: new EventBridgeClient({ region: 'eu-west-1' }),
  });

  it('publish: PutEvents on the bus, in as many calls as batches', async () => {
    // 12 events: two PutEvents calls (at most 10 entries each).
    await meter.measure(() => publisher.publish(Array.from({ length: 12 }, (_, n) => envelope(n))));
    expect(meter.accessed()).toEqual(
      describeDeclaredAccess(access.methods.publish, { buses: { events: 'harbor-test-events' } }),
    );
  });
});
