import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { EventEnvelope } from '@harbor/contracts';

/** A PutEvents entry together with the event it carries, so results and failures can name the event. */
export interface PendingEntry {
  readonly eventId: string;
  readonly entry: PutEventsRequestEntry;
  readonly sizeBytes: number;
}

export interface EntryTarget {
  readonly busName: string;
  readonly source: string;
}

/** The event as EventBridge carries it: detail-type = event name, detail = the whole envelope. */
export function toPendingEntry(envelope: EventEnvelope, target: EntryTarget): PendingEntry {
  const entry: PutEventsRequestEntry = {
    EventBusName: target.busName,
    Source: target.source,
    DetailType: envelope.eventType,
    Detail: JSON.stringify(envelope),
    // The event's own time, not the time the relay happened to forward it.
    Time: new Date(envelope.occurredAt),
  };
  return { eventId: envelope.eventId, entry, sizeBytes: putEventsEntrySize(entry) };
}

/** The size EventBridge counts against its request limit (AWS: "Calculating PutEvents event entry size"). */
export function putEventsEntrySize(entry: PutEventsRequestEntry): number {
  const bytes = (text: string | undefined): number => (text === undefined ? 0 : Buffer.byteLength(text, 'utf8'));
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}
