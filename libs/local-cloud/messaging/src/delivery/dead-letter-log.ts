import type { DeadLetter } from './dead-letter';
import type { DeliveryRequest } from './delivery-request';
import { JsonLinesFile } from './json-lines-file';

/** A dead letter with the delivery that failed, which a redrive sends again. */
export interface StoredDeadLetter {
  readonly letter: DeadLetter;
  readonly request: DeliveryRequest;
}

/** An opened log, with the letters it held: what the DeadLetterStore is built from. */
export interface OpenedDeadLetterLog {
  readonly log: DeadLetterLog;
  readonly letters: readonly StoredDeadLetter[];
}

type Entry =
  | { readonly op: 'added'; readonly letter: DeadLetter; readonly request: DeliveryRequest }
  | { readonly op: 'updated'; readonly letter: DeadLetter }
  | { readonly op: 'removed'; readonly id: string };
type Added = Extract<Entry, { op: 'added' }>;

/**
 * A dead-letter queue keeps its messages until they are redriven (SQS, for days), so with data on disk the local
 * cloud keeps them across restarts and kills in this append-only file: a line when a message is dead-lettered,
 * when a redrive fails it again, and when one delivers it. Opening it answers the queues' messages in arrival
 * order and rewrites the file with only those.
 */
export class DeadLetterLog {
  private constructor(private readonly file: JsonLinesFile<Entry>) {}

  static open(path: string): OpenedDeadLetterLog {
    const { file, kept } = JsonLinesFile.open<Entry, Added>(path, (entries) => {
      const letters = new Map<string, Added>();
      for (const entry of entries) {
        if (entry.op === 'added') letters.set(entry.letter.id, entry);
        else if (entry.op === 'updated') {
          const stored = letters.get(entry.letter.id);
          if (stored) letters.set(entry.letter.id, { ...stored, letter: entry.letter });
        } else if (entry.op === 'removed') letters.delete(entry.id);
      }
      return [...letters.values()];
    });
    return { log: new DeadLetterLog(file), letters: kept.map(({ letter, request }) => ({ letter, request })) };
  }

  added(stored: StoredDeadLetter): void {
    this.file.append({ op: 'added', letter: stored.letter, request: stored.request });
  }

  updated(letter: DeadLetter): void {
    this.file.append({ op: 'updated', letter });
  }

  removed(id: string): void {
    this.file.append({ op: 'removed', id });
  }

  close(): void {
    this.file.close();
  }
}
