import { EventTooLargeToPublish } from '../errors';
import type { PendingEntry } from './put-events-entry';

/** PutEvents accepts at most 10 entries per request... */
export const MAX_ENTRIES_PER_REQUEST = 10;
/** ...whose sizes add up to at most 256 KB. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/** Splits entries, in order, into as few requests as both PutEvents limits allow. */
export function toPutEventsBatches(entries: readonly PendingEntry[]): PendingEntry[][] {
  const batches: PendingEntry[][] = [];
  let current: PendingEntry[] = [];
  let currentBytes = 0;
  for (const pending of entries) {
    if (pending.sizeBytes > MAX_REQUEST_BYTES)
      throw new EventTooLargeToPublish(pending.eventId, pending.sizeBytes, MAX_REQUEST_BYTES);
    const full = current.length === MAX_ENTRIES_PER_REQUEST || currentBytes + pending.sizeBytes > MAX_REQUEST_BYTES;
    if (full) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(pending);
    currentBytes += pending.sizeBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
