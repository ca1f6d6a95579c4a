import {
  EventBridgeClient,
  PutEventsCommand,
  ResourceNotFoundException,
  type PutEventsCommandInput,
} from '@aws-sdk/client-eventbridge';
import type { EventEnvelope } from '@harbor/contracts';
import { mockClient } from 'aws-sdk-client-mock';
import { EventsNotPublished, EventTooLargeToPublish } from '../errors';
import { EventBridgeEventPublisher } from './eventbridge.event-publisher';

const eventBridge = mockClient(EventBridgeClient);

function envelope(n: number, payload: Record<string, unknown> = { orderId: `order-${n}` }): EventEnvelope {
  return {
    eventId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    eventType: n % 2 === 0 ? 'OrderPlaced' : 'OrderCancelled',
    version: 1,
    occurredAt: '2099-03-01T10:00:00.000Z',
    correlationId: 'request-1',
    causationId: 'request-1',
    payload,
  };
}

const publisher = (): EventBridgeEventPublisher =>
  new EventBridgeEventPublisher({
    busName: 'harbor-test-events',
    source: 'harbor.orders',
    client: new EventBridgeClient({}),
    retryBaseDelayMs: 1,
  });

const sentEntries = (call: number) =>
  (eventBridge.commandCalls(PutEventsCommand)[call]!.args[0].input as PutEventsCommandInput).Entries!;
const accepted = (count: number) => ({
  FailedEntryCount: 0,
  Entries: Array.from({ length: count }, (_, i) => ({ EventId: `eb-${i}` })),
});

beforeEach(() => eventBridge.reset());

describe('EventBridgeEventPublisher', () => {
  it('sends each envelope as detail, its type as detail-type, from the service source to the custom bus', async () => {
    eventBridge.on(PutEventsCommand).resolves(accepted(1));
    const event = envelope(2);
    await publisher().publish([event]);
    expect(sentEntries(0)).toEqual([
      {
        EventBusName: 'harbor-test-events',
        Source: 'harbor.orders',
        DetailType: 'OrderPlaced',
        Detail: JSON.stringify(event),
        Time: new Date('2099-03-01T10:00:00.000Z'),
      },
    ]);
    expect(JSON.parse(sentEntries(0)[0]!.Detail!)).toEqual(event);
  });

  it('sends 23 events in 3 requests of at most 10 entries, in order', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => accepted(input.Entries!.length));
    const events = Array.from({ length: 23 }, (_, i) => envelope(i + 1));
    await publisher().publish(events);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
    expect([0, 1, 2].map((call) => sentEntries(call).length)).toEqual([10, 10, 3]);
    const sentIds = [0, 1, 2].flatMap((call) => sentEntries(call).map((entry) => JSON.parse(entry.Detail!).eventId));
    expect(sentIds).toEqual(events.map((event) => event.eventId));
  });

  it('makes no call for no events', async () => {
    await publisher().publish([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('resends only the entries EventBridge refused, then resolves', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [
          { EventId: 'eb-1' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' },
          { EventId: 'eb-3' },
        ],
      })
      .resolves(accepted(1));
    const events = [envelope(1), envelope(2), envelope(3)];
    await publisher().publish(events);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
    expect(sentEntries(1).map((entry) => JSON.parse(entry.Detail!).eventId)).toEqual([events[1]!.eventId]);
  });

  it('gives up after 3 attempts and names each refused event with its error code', async () => {
    const events = [envelope(1), envelope(2)];
    // EventBridge keeps refusing the second event, whatever request it comes in.
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
      const results = input.Entries!.map((entry, i) =>
        entry.Detail!.includes(events[1]!.eventId)
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'try later' }
          : { EventId: `eb-${i}` },
      );
      return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
    });
    const error: unknown = await publisher()
      .publish(events)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventsNotPublished);
    expect((error as EventsNotPublished).failures).toEqual([
      { eventId: events[1]!.eventId, errorCode: 'InternalFailure', errorMessage: 'try later' },
    ]);
    expect((error as Error).message).toContain(`${events[1]!.eventId} (InternalFailure)`);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
    expect([1, 2].map((call) => sentEntries(call).length)).toEqual([1, 1]);
  });

  it('keeps publishing later batches when one fails, and reports only what was not delivered', async () => {
    eventBridge
      .on(PutEventsCommand)
      .rejectsOnce(
        new ResourceNotFoundException({ message: 'Event bus harbor-test-events does not exist.', $metadata: {} }),
      )
      .callsFake((input: PutEventsCommandInput) => accepted(input.Entries!.length));
    const events = Array.from({ length: 12 }, (_, i) => envelope(i + 1));
    const error = (await publisher()
      .publish(events)
      .catch((caught: unknown) => caught)) as EventsNotPublished;
    expect(error).toBeInstanceOf(EventsNotPublished);
    // The SDK already retried the failed call, so it is not sent again; the second batch still goes out.
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
    expect(error.failures.map((failure) => failure.eventId)).toEqual(events.slice(0, 10).map((event) => event.eventId));
    expect(error.failures.every((failure) => failure.errorCode === 'ResourceNotFoundException')).toBe(true);
    expect(error.cause).toBeInstanceOf(ResourceNotFoundException);
  });

  it('keeps each request within 256 KB', async () => {
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => accepted(input.Entries!.length));
    const events = Array.from({ length: 5 }, (_, i) => envelope(i + 1, { blob: 'x'.repeat(100_000) }));
    await publisher().publish(events);
    expect([0, 1, 2].map((call) => sentEntries(call).length)).toEqual([2, 2, 1]);
  });

  it('refuses an event too large for any request before sending anything', async () => {
    const events = [envelope(1), envelope(2, { blob: 'x'.repeat(300_000) })];
    await expect(publisher().publish(events)).rejects.toBeInstanceOf(EventTooLargeToPublish);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('needs a bus and a source', () => {
    expect(() => new EventBridgeEventPublisher({ busName: '', source: 'harbor.orders' })).toThrow('busName');
    expect(() => new EventBridgeEventPublisher({ busName: 'bus', source: '' })).toThrow('source');
  });
});
