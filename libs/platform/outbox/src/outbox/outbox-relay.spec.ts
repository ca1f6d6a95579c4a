import type { EventEnvelope } from '@harbor/contracts';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { OutboxRelay } from './outbox-relay';
import type { MarkOutcome, OutboxEventPublisher, OutboxKey, OutboxRecordState, OutboxStore } from './outbox.ports';

/** The relay on fakes, with a custom key prefix: any service's table shape can be relayed. */
class InMemoryOutboxStore implements OutboxStore {
  readonly marks = new Map<string, Date | undefined>();
  add(key: OutboxKey): void {
    this.marks.set(`${key.pk}|${key.sk}`, undefined);
  }
  async stateOf(key: OutboxKey): Promise<OutboxRecordState> {
    const id = `${key.pk}|${key.sk}`;
    if (!this.marks.has(id)) return 'missing';
    return this.marks.get(id) === undefined ? 'pending' : 'published';
  }
  async markPublished(key: OutboxKey, publishedAt: Date): Promise<MarkOutcome> {
    if ((await this.stateOf(key)) !== 'pending') return 'not-marked';
    this.marks.set(`${key.pk}|${key.sk}`, publishedAt);
    return 'marked';
  }
}

class Recording implements OutboxEventPublisher {
  readonly published: EventEnvelope[] = [];
  async publish(events: readonly EventEnvelope[]): Promise<void> {
    this.published.push(...events);
  }
}

const envelope = (n: number): EventEnvelope => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  eventType: 'OrderConfirmed',
  version: 1,
  occurredAt: '2099-03-01T10:00:00.000Z',
  correlationId: 'c-1',
  causationId: 'c-1',
  payload: {
    orderId: '6d2b1c4e-5f6a-4b7c-8d9e-0a1b2c3d4e5f',
    customerId: 'customer-1',
    total: { amountMinor: 1, currency: 'EUR' },
  },
});

function insertOf(key: OutboxKey, event: EventEnvelope, sequenceNumber: string): DynamoDBRecord {
  const keys: Record<string, AttributeValue> = { pk: { S: key.pk }, sk: { S: key.sk } };
  return {
    eventName: 'INSERT',
    dynamodb: {
      Keys: keys,
      NewImage: { ...keys, envelope: { S: JSON.stringify(event) } },
      SequenceNumber: sequenceNumber,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

describe('OutboxRelay (on fakes)', () => {
  it('relays the records under its prefix once, marks them, and ignores other items', async () => {
    const store = new InMemoryOutboxStore();
    const publisher = new Recording();
    const key = { pk: 'THING#1', sk: 'EVT#1' };
    store.add(key);
    const relay = new OutboxRelay({
      store,
      publisher,
      skPrefix: 'EVT#',
      clock: { now: () => new Date('2099-03-01T10:00:01.000Z') },
    });
    const records = [insertOf(key, envelope(1), '1'), insertOf({ pk: 'THING#1', sk: 'OUTBOX#1' }, envelope(2), '2')];

    const first = await relay.relay(records);
    const again = await relay.relay(records);

    expect(first).toEqual({ published: [envelope(1).eventId], skipped: [], ignored: 1, failures: [], unmarked: [] });
    expect(again.skipped).toEqual([{ eventId: envelope(1).eventId, state: 'published' }]);
    expect(publisher.published).toEqual([envelope(1)]);
    expect(store.marks.get('THING#1|EVT#1')?.toISOString()).toBe('2099-03-01T10:00:01.000Z');
  });

  it('fails a record whose envelope is no registered event, in stream order, and still relays the rest', async () => {
    const store = new InMemoryOutboxStore();
    const good = { pk: 'THING#2', sk: 'OUTBOX#1' };
    store.add(good);
    const poison = insertOf({ pk: 'THING#2', sk: 'OUTBOX#2' }, { ...envelope(3), eventType: 'Nope' }, '7');
    const result = await new OutboxRelay({ store, publisher: new Recording() }).relay([
      poison,
      insertOf(good, envelope(4), '8'),
    ]);
    expect(result.published).toEqual([envelope(4).eventId]);
    expect(result.failures).toEqual([
      { sequenceNumber: '7', reason: expect.stringContaining('its envelope is not a valid event') },
    ]);
  });
});
