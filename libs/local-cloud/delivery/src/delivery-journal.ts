import type { DeliveryRequest } from './delivery-request';
import { JsonLinesFile } from './json-lines-file';

/** A delivery accepted but not yet settled when the journal was opened: to be attempted again. */
export interface JournaledDelivery {
  readonly id: string;
  readonly request: DeliveryRequest;
}

type Entry = { readonly op: 'accepted'; readonly id: string; readonly request: DeliveryRequest } | { readonly op: 'settled'; readonly id: string };
type Accepted = Extract<Entry, { op: 'accepted' }>;

/**
 * SNS and EventBridge keep a message they accepted until it is delivered or dead-lettered, whatever happens to
 * their hosts. The local cloud keeps that promise across a kill with this append-only file beside DynamoDB Local's:
 * one line when a delivery is accepted, one when it settles. Opening it answers what was accepted and never settled,
 * and rewrites the file with only those.
 */
export class DeliveryJournal {
  private constructor(private readonly file: JsonLinesFile<Entry>) {}

  static open(path: string): { journal: DeliveryJournal; unsettled: JournaledDelivery[] } {
    const { file, kept } = JsonLinesFile.open<Entry, Accepted>(path, (entries) => {
      const accepted = new Map<string, Accepted>();
      for (const entry of entries) {
        if (entry.op === 'accepted') accepted.set(entry.id, entry);
        else if (entry.op === 'settled') accepted.delete(entry.id);
      }
      return [...accepted.values()];
    });
    return { journal: new DeliveryJournal(file), unsettled: kept.map(({ id, request }) => ({ id, request })) };
  }

  accepted(id: string, request: DeliveryRequest): void {
    this.file.append({ op: 'accepted', id, request });
  }

  settled(id: string): void {
    this.file.append({ op: 'settled', id });
  }

  close(): void {
    this.file.close();
  }
}
