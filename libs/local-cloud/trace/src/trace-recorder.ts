/**
 * Records every hop of a request or event (gateway, invocation, publish, delivery, retry, dead letter) with
 * its correlation id, so `GET /_local/traces` can answer what happened, in order, with timings.
 * Bounded: keeps the most recent `capacity` hops so a long session cannot grow memory without limit.
 */
export type HopKind =
  | 'http'
  | 'authorizer'
  | 'invoke'
  | 'dynamodb'
  | 'stream'
  | 'publish'
  | 'put-events'
  | 'delivery'
  | 'retry'
  | 'dead-letter'
  | 'websocket';

export interface Hop {
  readonly id: number;
  readonly correlationId: string;
  readonly kind: HopKind;
  /** What the hop touched: a route (`POST /orders`), a function id, a topic or rule name. */
  readonly name: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly status: 'ok' | 'error';
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type HopInput = Omit<Hop, 'id' | 'startedAt'> & { startedAt?: Date };

export type HopListener = (hop: Hop) => void;

export class TraceRecorder {
  private readonly hops: Hop[] = [];
  private readonly listeners = new Set<HopListener>();
  private nextId = 1;
  // Under load many hops start in the same millisecond: format each millisecond once.
  private lastMillis = Number.NaN;
  private lastIso = '';

  constructor(private readonly capacity = 50_000) {}

  record(input: HopInput): Hop {
    // Built field by field (no rest/spread copies): every request records one or more hops, so this is hot.
    const id = this.nextId++;
    const { correlationId, kind, name, durationMs, status, detail } = input;
    const startedAt = this.isoTime(input.startedAt);
    const hop: Hop = detail === undefined ? { id, correlationId, kind, name, startedAt, durationMs, status } : { id, correlationId, kind, name, startedAt, durationMs, status, detail };
    this.hops.push(hop);
    // Dropping the oldest hop one at a time shifts the whole array on every request once it is full (O(capacity)
    // each, the gateway's top cost under load): drop in batches of an eighth of the capacity instead.
    const excess = this.hops.length - this.capacity;
    if (excess >= Math.ceil(this.capacity / 8)) this.hops.splice(0, excess);
    for (const listener of this.listeners) listener(hop);
    return hop;
  }

  private isoTime(startedAt: Date | undefined): string {
    const millis = startedAt === undefined ? Date.now() : startedAt.getTime();
    if (millis !== this.lastMillis) {
      this.lastMillis = millis;
      this.lastIso = new Date(millis).toISOString();
    }
    return this.lastIso;
  }

  /** Hops of one correlation id, in the order they happened. */
  byCorrelationId(correlationId: string): Hop[] {
    return this.current().filter((hop) => hop.correlationId === correlationId);
  }

  /** The most recent traces, newest first, each summarised by its first hop and hop count. */
  recent(limit = 50): { correlationId: string; startedAt: string; hops: number; status: Hop['status'] }[] {
    const byId = new Map<string, { correlationId: string; startedAt: string; hops: number; status: Hop['status'] }>();
    for (const hop of this.current()) {
      const entry = byId.get(hop.correlationId);
      if (entry) {
        entry.hops += 1;
        if (hop.status === 'error') entry.status = 'error';
      } else {
        byId.set(hop.correlationId, { correlationId: hop.correlationId, startedAt: hop.startedAt, hops: 1, status: hop.status });
      }
    }
    return [...byId.values()].reverse().slice(0, limit);
  }

  /** The `limit` most recent hops, oldest first: a slice, so cheap however many hops are kept. */
  latest(limit: number): readonly Hop[] {
    const hops = this.current();
    return hops.slice(Math.max(0, hops.length - limit));
  }

  /** Hops recorded after the hop with id `afterId`, oldest first (ids only grow, so a binary search finds the start). */
  after(afterId: number): readonly Hop[] {
    const hops = this.current();
    let low = 0;
    let high = hops.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (hops[middle].id <= afterId) low = middle + 1;
      else high = middle;
    }
    return hops.slice(low);
  }

  /** The newest `capacity` hops: the array may hold up to a batch more until the next eviction. */
  private current(): readonly Hop[] {
    const excess = this.hops.length - this.capacity;
    return excess > 0 ? this.hops.slice(excess) : this.hops;
  }

  /** Live feed for the console; returns the unsubscribe function. */
  subscribe(listener: HopListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
