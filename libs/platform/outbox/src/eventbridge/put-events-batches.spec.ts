import { MAX_REQUEST_BYTES, toPutEventsBatches } from './put-events-batches';
import { putEventsEntrySize, type PendingEntry } from './put-events-entry';

const pending = (eventId: string, sizeBytes: number): PendingEntry => ({ eventId, sizeBytes, entry: {} });

describe('toPutEventsBatches', () => {
  it('fills requests up to exactly 256 KB, never over', () => {
    const half = MAX_REQUEST_BYTES / 2;
    const batches = toPutEventsBatches([pending('a', half), pending('b', half), pending('c', 1)]);
    expect(batches.map((batch) => batch.map((entry) => entry.eventId))).toEqual([['a', 'b'], ['c']]);
  });

  it('returns no request for no entries', () => {
    expect(toPutEventsBatches([])).toEqual([]);
  });
});

describe('putEventsEntrySize', () => {
  it('counts UTF-8 bytes of source, detail-type and detail, and 14 bytes for a time', () => {
    const size = putEventsEntrySize({
      Source: 'harbor.orders',
      DetailType: 'OrderPlaced',
      Detail: '{"sku":"é"}',
      Time: new Date(),
    });
    expect(size).toBe(14 + 13 + 11 + 12);
  });
});
