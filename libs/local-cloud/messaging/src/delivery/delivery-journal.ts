import type { DeliveryRequest } from './delivery-request';
import { JsonLinesFile } from './json-lines-file';

/** A delivery accepted but not yet settled when the journal was opened: to be attempted again. */
export interface JournaledDelivery {
  readonly id: string;
  readonly request: DeliveryRequest;
}

type Entry =
  | { readonly op: 'accepted'; readonly id: string; readonly request: DeliveryRequest }
  | { readonly op: 'settled'; readonly id: string };
type Accepted = Extract<Entry, { op: 'accepted' }>;

/**
 * SNS and EventBridge keep a message they accepted until it is delivered or dead-lettered, whatever happens to
 * their hosts. The local cloud keeps that promise across a kill with this append-only file beside DynamoDB Local's:
 * one line when a delivery is accepted, one when it settles. Opening it answers what was accepted and never settled,
 * and rewrites the file with only those.
 */
export class DeliveryJournal {
  /** Accepted and not yet settled: what the file is compacted to once it is longer than `compactAtBytes`. */
  private readonly unsettled = new Map<string, Accepted>();

  private constructor(
    private readonly file: JsonLinesFile<Entry>,
    unsettled: readonly Accepted[],
    private readonly compactAtBytes: number,
  ) {
    for (const entry of unsettled) this.unsettled.set(entry.id, entry);
  }

  /** `compactAtBytes`: past this length the file is rewritten with the unsettled deliveries only (default 16 MiB). */
  static open(
    path: string,
    compactAtBytes = 16 * 1024 * 1024,
  ): { journal: DeliveryJournal; unsettled: JournaledDelivery[] } {
    const { file, kept } = JsonLinesFile.open<Entry, Accepted>(path, (entries) => {
      const accepted = new Map<string, Accepted>();
      for (const entry of entries) {
        if (entry.op === 'accepted') accepted.set(entry.id, entry);
        else if (entry.op === 'settled') accepted.delete(entry.id);
      }
      return [...accepted.values()];
    });
    return {
      journal: new DeliveryJournal(file, kept, compactAtBytes),
      unsettled: kept.map(({ id, request }) => ({ id, request })),
    };
  }

  accepted(id: string, request: DeliveryRequest): void {
    const entry: Accepted = { op: 'accepted', id, request };
    this.unsettled.set(id, entry);
    this.file.append(entry);
  }

  settled(id: string): void {
    this.unsettled.delete(id);
    this.file.append({ op: 'settled', id });
    // A long run would otherwise grow the file by every delivery it ever made.
    if (this.file.size > this.compactAtBytes) this.file.rewrite([...this.unsettled.values()]);
  }

  close(): void {
    this.file.close();
  }
}
