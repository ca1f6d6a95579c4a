import type { Hop } from '@harbor/local-cloud-trace';
import type { LogEntry } from '../logs/log-book';

/** The part of a server response the stream writes to (Node's ServerResponse fits). */
export interface StreamClient {
  write(chunk: string): boolean;
  end(): void;
  /** Bytes written but not yet taken by the socket: how far behind the client is. */
  readonly writableLength: number;
}

export interface EventStreamOptions {
  /** A `: keep-alive` comment this often, so proxies and browsers keep an idle stream open. Default 15 s. */
  readonly keepAliveMs?: number;
  /** A client with more than this many bytes unsent is dropped (it reconnects with `after`). Default 1 MiB. */
  readonly maxBacklogBytes?: number;
}

// Each event is serialised once, however many clients it goes to.
export const hopEvent = (hop: Hop): string => `event: hop\ndata: ${JSON.stringify(hop)}\n\n`;
export const logEvent = (entry: LogEntry): string => `event: log\ndata: ${JSON.stringify(entry)}\n\n`;

/**
 * `GET /_local/stream`: server-sent events of new hops and log lines. Publishing never writes to a socket: events
 * are queued and written once per turn of the event loop, one chunk per client, so a burst of hops costs the
 * gateway a string append each. A client that stops reading is dropped instead of buffering without limit.
 */
export class ConsoleEventStream {
  private readonly clients = new Set<StreamClient>();
  private readonly keepAlive: NodeJS.Timeout;
  private readonly maxBacklogBytes: number;
  private pending: string[] = [];
  private flushScheduled = false;

  constructor(options: EventStreamOptions = {}) {
    this.maxBacklogBytes = options.maxBacklogBytes ?? 1024 * 1024;
    this.keepAlive = setInterval(() => this.writeToAll(': keep-alive\n\n'), options.keepAliveMs ?? 15_000);
    this.keepAlive.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Starts a client with the hops it missed (`after`); returns what to call when its connection closes. */
  connect(client: StreamClient, replay: readonly Hop[] = []): () => void {
    client.write(`: connected\n\n${replay.map(hopEvent).join('')}`);
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  hop(hop: Hop): void {
    if (this.clients.size > 0) this.enqueue(hopEvent(hop));
  }

  log(entry: LogEntry): void {
    if (this.clients.size > 0) this.enqueue(logEvent(entry));
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const client of this.clients) client.end();
    this.clients.clear();
    this.pending = [];
  }

  private enqueue(event: string): void {
    this.pending.push(event);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const chunk = this.pending.join('');
    this.pending = [];
    if (chunk !== '') this.writeToAll(chunk);
  }

  private writeToAll(chunk: string): void {
    for (const client of this.clients) {
      if (client.writableLength > this.maxBacklogBytes) {
        this.clients.delete(client);
        client.end();
        continue;
      }
      client.write(chunk);
    }
  }
}
