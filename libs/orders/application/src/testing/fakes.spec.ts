import { OrderIdSchema } from '@harbor/contracts';
import { RecordingEventPublisher } from './recording-event-publisher';
import { SequentialIdGenerator } from './sequential-id-generator';

describe('SequentialIdGenerator', () => {
  it('issues distinct, valid UUIDs in sequence', () => {
    const ids = new SequentialIdGenerator();
    const issued = [ids.newId(), ids.newId(), ids.newId()];
    expect(issued[0]).toBe('00000000-0000-4000-8000-000000000001');
    expect(new Set(issued).size).toBe(3);
    for (const id of issued) expect(OrderIdSchema.safeParse(id).success).toBe(true);
  });

  it('keeps namespaces apart', () => {
    expect(new SequentialIdGenerator(1).newId()).not.toBe(new SequentialIdGenerator(2).newId());
    expect(() => new SequentialIdGenerator(-1)).toThrow(RangeError);
  });
});

describe('RecordingEventPublisher', () => {
  const envelope = {
    eventId: '00000000-0000-4000-8000-000000000001',
    eventType: 'OrderPaid',
    version: 1,
    occurredAt: '2025-01-01T00:00:00.000Z',
    correlationId: 'c',
    causationId: 'c',
    payload: {},
  };

  it('records what it publishes, in order', async () => {
    const publisher = new RecordingEventPublisher();
    await publisher.publish([envelope]);
    await publisher.publish([{ ...envelope, eventId: '00000000-0000-4000-8000-000000000002' }]);
    expect(publisher.published.map((event) => event.eventId)).toEqual([
      envelope.eventId,
      '00000000-0000-4000-8000-000000000002',
    ]);
  });

  it('fails the next call only, when told to', async () => {
    const publisher = new RecordingEventPublisher();
    publisher.failNextPublishWith(new Error('bus down'));
    await expect(publisher.publish([envelope])).rejects.toThrow('bus down');
    await publisher.publish([envelope]);
    expect(publisher.published).toHaveLength(1);
  });
});
