import type { EventEnvelope } from '@harbor/contracts';
import { RecordingEventPublisher } from '@harbor/orders-application/testing';
import { EventsNotPublished, EventTooLargeToPublish } from '@harbor/platform-outbox';
import { RoutingEventPublisher } from './routing.event-publisher';

const envelope = (eventId: string, eventType: string): EventEnvelope => ({
  eventId,
  eventType,
  version: 1,
  occurredAt: '2099-03-01T10:00:00.000Z',
  correlationId: 'req-1',
  causationId: 'req-1',
  payload: {},
});

function setUp() {
  const topic = new RecordingEventPublisher();
  const bus = new RecordingEventPublisher();
  return {
    topic,
    bus,
    router: new RoutingEventPublisher([{ eventTypes: ['OrderStatusChanged'], publisher: topic }], bus),
  };
}

describe('RoutingEventPublisher', () => {
  it('sends each event to exactly one destination', async () => {
    const { topic, bus, router } = setUp();
    await router.publish([
      envelope('a', 'OrderPlaced'),
      envelope('b', 'OrderStatusChanged'),
      envelope('c', 'OrderConfirmed'),
    ]);
    expect(topic.published.map((event) => event.eventId)).toEqual(['b']);
    expect(bus.published.map((event) => event.eventId)).toEqual(['a', 'c']);
  });

  it('still publishes to one destination when the other fails, and names the events of the failed one', async () => {
    const { topic, bus, router } = setUp();
    topic.failNextPublishWith(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));

    const failure = router.publish([envelope('a', 'OrderPlaced'), envelope('b', 'OrderStatusChanged')]);

    await expect(failure).rejects.toBeInstanceOf(EventsNotPublished);
    await expect(failure).rejects.toMatchObject({ failures: [{ eventId: 'b', errorCode: 'TimeoutError' }] });
    expect(bus.published.map((event) => event.eventId)).toEqual(['a']);
  });

  it('sets aside an event too large for its destination and publishes the rest of that destination', async () => {
    const { bus, router } = setUp();
    bus.failNextPublishWith(new EventTooLargeToPublish('big', 300_000, 262_144));

    const failure = router.publish([envelope('big', 'OrderPlaced'), envelope('ok', 'OrderPlaced')]);

    await expect(failure).rejects.toMatchObject({ failures: [{ eventId: 'big', errorCode: 'EventTooLarge' }] });
    expect(bus.published.map((event) => event.eventId)).toEqual(['ok']);
  });

  it('passes on per-event refusals of a destination', async () => {
    const { bus, router } = setUp();
    bus.failNextPublishWith(new EventsNotPublished([{ eventId: 'a', errorCode: 'ThrottlingException' }]));
    await expect(router.publish([envelope('a', 'OrderPlaced')])).rejects.toMatchObject({
      failures: [{ eventId: 'a', errorCode: 'ThrottlingException' }],
    });
  });
});
