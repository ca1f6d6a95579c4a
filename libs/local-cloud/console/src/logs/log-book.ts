import { requestIdOfLine } from './request-id-of-line';

export interface LogEntry {
  readonly functionId: string;
  readonly correlationId?: string;
  readonly line: string;
  readonly at: string;
}

export interface LogQuery {
  readonly correlationId?: string;
  readonly functionId?: string;
  /** Lines containing this text, case-insensitively. */
  readonly text?: string;
  /** At most this many lines: the newest of the matches. */
  readonly limit?: number;
}

export interface LogBookOptions {
  /** Lines kept; older ones are overwritten. Default 20,000. */
  readonly capacity?: number;
  /** The correlation id of the invocation a Lambda request id belongs to (the Lambda runtime knows). */
  readonly correlationIdOfRequest: (requestId: string) => string | undefined;
  readonly clock?: () => Date;
}

/**
 * The functions' log lines, most recent first to go: a ring buffer, so a chatty session costs a fixed amount of
 * memory. Each line is attributed to the request whose invocation wrote it through the request id the line
 * carries, which stays exact when invocations of one function interleave.
 */
export class LogBook {
  private readonly entries: (LogEntry | undefined)[];
  private readonly capacity: number;
  private next = 0;
  private readonly listeners = new Set<(entry: LogEntry) => void>();

  constructor(private readonly options: LogBookOptions) {
    this.capacity = options.capacity ?? 20_000;
    this.entries = new Array<LogEntry | undefined>(this.capacity);
  }

  append(functionId: string, line: string): LogEntry {
    const requestId = requestIdOfLine(line);
    const correlationId = requestId === undefined ? undefined : this.options.correlationIdOfRequest(requestId);
    const at = (this.options.clock?.() ?? new Date()).toISOString();
    const entry: LogEntry =
      correlationId === undefined ? { functionId, line, at } : { functionId, correlationId, line, at };
    this.entries[this.next % this.capacity] = entry;
    this.next += 1;
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  /** Kept lines matching every given filter, oldest first; with a limit, the newest `limit` of them. */
  find(query: LogQuery = {}): LogEntry[] {
    const found: LogEntry[] = [];
    const first = Math.max(0, this.next - this.capacity);
    const text = query.text?.toLowerCase();
    const limit = query.limit ?? Infinity;
    // Newest first, so a bounded search stops as soon as it has its lines.
    for (let index = this.next - 1; index >= first && found.length < limit; index -= 1) {
      const entry = this.entries[index % this.capacity];
      if (entry === undefined) continue;
      if (query.correlationId !== undefined && entry.correlationId !== query.correlationId) continue;
      if (query.functionId !== undefined && entry.functionId !== query.functionId) continue;
      if (text !== undefined && !entry.line.toLowerCase().includes(text)) continue;
      found.push(entry);
    }
    return found.reverse();
  }

  /** Live feed for the console stream; returns the unsubscribe function. */
  subscribe(listener: (entry: LogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
