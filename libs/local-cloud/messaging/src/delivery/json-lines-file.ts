import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An append-only file of JSON lines kept beside DynamoDB Local's data, whose lines survive a kill of this
 * process: each reaches the kernel when writeSync returns (one descriptor for the run, without the open and close
 * appendFileSync pays on every line). Opening it reads every whole line, skipping one torn by a kill in the middle
 * of a write, and its owner rewrites it with only what still matters.
 */
export class JsonLinesFile<Entry> {
  private fd: number | undefined;
  private bytes = 0;

  private constructor(
    private readonly path: string,
    compacted: readonly Entry[],
  ) {
    this.rewrite(compacted);
  }

  /** The file's entries, then the file rewritten with the entries `compact` keeps of them, open for appending. */
  static open<Entry, Kept extends Entry = Entry>(
    path: string,
    compact: (entries: Entry[]) => Kept[],
  ): { file: JsonLinesFile<Entry>; kept: Kept[] } {
    mkdirSync(dirname(path), { recursive: true });
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = '';
    }
    const entries = text.split('\n').flatMap((line) => {
      if (line.trim() === '') return [];
      try {
        return [JSON.parse(line) as Entry];
      } catch {
        return [];
      }
    });
    const kept = compact(entries);
    return { file: new JsonLinesFile<Entry>(path, kept), kept };
  }

  /** Bytes in the file: its owner compacts it (rewrite) when it has grown too long. */
  get size(): number {
    return this.bytes;
  }

  append(entry: Entry): void {
    if (this.fd !== undefined) this.bytes += writeSync(this.fd, `${JSON.stringify(entry)}\n`);
  }

  /** Replaces the file's lines with `entries`: written beside it, then renamed over it, so a kill leaves one or the other. */
  rewrite(entries: readonly Entry[]): void {
    const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    writeFileSync(`${this.path}.new`, text);
    renameSync(`${this.path}.new`, this.path);
    this.close();
    this.fd = openSync(this.path, 'a');
    this.bytes = Buffer.byteLength(text);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
