import { payloadJson, redactJson, type PayloadInput } from './hop-payload';

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
  /**
   * What the hop carried, by part (`event`, `result`, `request`...): each part redacted and capped (see hop-payload).
   * Only in hops read one by one (`hopById`, `byCorrelationId`): windows, `after` and listeners leave it out, so
   * a page of thousands of hops stays small.
   */
  readonly payload?: Readonly<Record<string, unknown>>;
}

export type HopInput = Omit<Hop, 'id' | 'startedAt' | 'payload'> & { startedAt?: Date; payload?: PayloadInput };

/** `hop` and its JSON text, both without the payload. */
export type HopListener = (hop: Hop, json: string) => void;

/** Bytes of hop text kept at most (the count bound, `capacity`, usually binds first: hops average a few hundred). */
const DEFAULT_CAPACITY_BYTES = 32 * 1024 * 1024;

/**
 * Each hop is kept as its JSON text in one preallocated byte ring outside the JavaScript heap, beside its
 * correlation id and status: a long session keeps tens of thousands of hops, and as heap objects every one of them was
 * copied by the young-generation collector and then promoted, which made collections long and frequent under load.
 * The hop objects handed to listeners die young. Ids are consecutive: hop `n` is in slot `n % capacity`.
 * Kept, measured against a bounded array of hop objects: the same on `bench --only gateway` within its noise; alone,
 * the ring costs about 2.3 µs of CPU a hop against 1.1 µs but pauses for GC about a third as long, and only the ring
 * bounds the trace by bytes, which hops carrying payloads need (50,000 hops of 16 KiB would be 800 MB as objects).
 */
export class TraceRecorder {
  private readonly bytes: Buffer;
  private readonly offsets: Float64Array;
  private readonly lengths: Int32Array;
  /** Bytes of each hop's text before its payload (`-1`: it has none): windows cut the payload off there. */
  private readonly payloadAt: Int32Array;
  private readonly correlationIds: string[];
  /** 1 where the hop's status is `error`: `recent()` summarises without parsing every hop. */
  private readonly failed: Uint8Array;
  private readonly listeners = new Set<HopListener>();
  private oldestId = 1;
  private nextId = 1;
  private writeAt = 0;
  // Under load many hops start in the same millisecond: format each millisecond once.
  private lastMillis = Number.NaN;
  private lastIso = '';

  constructor(
    private readonly capacity = 50_000,
    capacityBytes = DEFAULT_CAPACITY_BYTES,
  ) {
    this.bytes = Buffer.allocUnsafeSlow(capacityBytes);
    this.offsets = new Float64Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.payloadAt = new Int32Array(capacity);
    this.correlationIds = new Array<string>(capacity).fill('');
    this.failed = new Uint8Array(capacity);
  }

  record(input: HopInput): Hop {
    // Built field by field (no rest/spread copies): every request records one or more hops, so this is hot.
    const id = this.nextId++;
    const { correlationId, kind, name, durationMs, status, detail } = input;
    const startedAt = this.isoTime(input.startedAt);
    const hop: Hop =
      detail === undefined
        ? { id, correlationId, kind, name, startedAt, durationMs, status }
        : { id, correlationId, kind, name, startedAt, durationMs, status, detail };
    const text = JSON.stringify(hop);
    // The payload's parts are JSON text already (or serialised once here), spliced in before the closing brace.
    const payload = input.payload === undefined ? '' : payloadJson(input.payload);
    this.store(id, text, payload, correlationId, status === 'error');
    for (const listener of this.listeners) listener(hop, text);
    return hop;
  }

  /** The hop with this id, payload included, while it is kept. */
  hopById(id: number): Hop | undefined {
    return Number.isInteger(id) && id >= this.oldestId && id < this.nextId ? this.hop(id, true) : undefined;
  }

  /** Hops of one correlation id, in the order they happened. */
  byCorrelationId(correlationId: string): Hop[] {
    const hops: Hop[] = [];
    for (let id = this.oldestId; id < this.nextId; id += 1) {
      if (this.correlationIds[id % this.capacity] === correlationId) hops.push(this.hop(id, true));
    }
    return hops;
  }

  /** The most recent traces, newest first, each summarised by its first hop and hop count. */
  recent(limit = 50): { correlationId: string; startedAt: string; hops: number; status: Hop['status'] }[] {
    // Counted from the kept ids and statuses; only the first hop of each trace answered is parsed (its start time).
    const byId = new Map<string, { firstId: number; hops: number; failed: boolean }>();
    for (let id = this.oldestId; id < this.nextId; id += 1) {
      const slot = id % this.capacity;
      const entry = byId.get(this.correlationIds[slot]);
      if (entry) {
        entry.hops += 1;
        entry.failed ||= this.failed[slot] === 1;
      } else {
        byId.set(this.correlationIds[slot], { firstId: id, hops: 1, failed: this.failed[slot] === 1 });
      }
    }
    return [...byId]
      .reverse()
      .slice(0, limit)
      .map(([correlationId, { firstId, hops, failed }]) => ({
        correlationId,
        startedAt: this.hop(firstId).startedAt,
        hops,
        status: failed ? 'error' : 'ok',
      }));
  }

  /** The `limit` most recent hops, oldest first. */
  latest(limit: number): readonly Hop[] {
    return this.ids(this.nextId - limit).map((id) => this.hop(id));
  }

  /** The `limit` most recent hops, oldest first, as a JSON array: their texts joined, nothing parsed. */
  latestJson(limit: number): string {
    return `[${this.ids(this.nextId - limit)
      .map((id) => this.text(id))
      .join(',')}]`;
  }

  /** Hops recorded after the hop with id `afterId`, oldest first. */
  after(afterId: number): readonly Hop[] {
    return this.ids(afterId + 1).map((id) => this.hop(id));
  }

  /** Live feed for the console; returns the unsubscribe function. */
  subscribe(listener: HopListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes the text after the newest one (from the start when it does not fit before the end), evicting what it overwrites. */
  private store(id: number, text: string, payload: string, correlationId: string, failed: boolean): void {
    const length = Buffer.byteLength(text) + (payload === '' ? 0 : Buffer.byteLength(payload));
    if (length > this.bytes.length)
      throw new RangeError(`hop ${id} is ${length} bytes, more than the trace keeps (${this.bytes.length})`);
    if (this.writeAt + length > this.bytes.length) {
      // What lies between here and the end is the previous lap's oldest: dropped with the wrap, so the hops kept
      // always follow each other from `oldestId` on.
      while (this.oldestId < id && this.offsets[this.oldestId % this.capacity] >= this.writeAt) this.oldestId += 1;
      this.writeAt = 0;
    }
    const start = this.writeAt;
    const end = start + length;
    while (this.oldestId < id && (id - this.oldestId >= this.capacity || this.overlaps(this.oldestId, start, end)))
      this.oldestId += 1;
    const slot = id % this.capacity;
    if (payload === '') {
      this.bytes.write(text, start, length, 'utf8');
      this.payloadAt[slot] = -1;
    } else {
      // The hop's text without its closing brace, then `,"payload":{...}` and the brace.
      const head = this.bytes.write(text, start, length, 'utf8') - 1;
      this.bytes.write(`${payload}}`, start + head, length - head, 'utf8');
      this.payloadAt[slot] = head;
    }
    this.offsets[slot] = start;
    this.lengths[slot] = length;
    this.correlationIds[slot] = correlationId;
    this.failed[slot] = failed ? 1 : 0;
    this.writeAt = end;
  }

  private overlaps(id: number, start: number, end: number): boolean {
    const slot = id % this.capacity;
    const from = this.offsets[slot];
    return from < end && from + this.lengths[slot] > start;
  }

  /** Ids from `fromId` (or the oldest kept) to the newest. */
  private ids(fromId: number): number[] {
    const ids: number[] = [];
    for (let id = Math.max(this.oldestId, fromId); id < this.nextId; id += 1) ids.push(id);
    return ids;
  }

  private text(id: number, withPayload = false): string {
    const slot = id % this.capacity;
    const start = this.offsets[slot];
    const head = this.payloadAt[slot];
    if (head === -1) return this.bytes.toString('utf8', start, start + this.lengths[slot]);
    const hop = this.bytes.toString('utf8', start, start + head);
    // Payloads are kept as recorded and redacted here, when read: reads are rare, recording is on every request.
    return withPayload
      ? `${hop}${redactJson(this.bytes.toString('utf8', start + head, start + this.lengths[slot]))}`
      : `${hop}}`;
  }

  private hop(id: number, withPayload = false): Hop {
    return JSON.parse(this.text(id, withPayload)) as Hop;
  }

  private isoTime(startedAt: Date | undefined): string {
    const millis = startedAt === undefined ? Date.now() : startedAt.getTime();
    if (millis !== this.lastMillis) {
      this.lastMillis = millis;
      this.lastIso = new Date(millis).toISOString();
    }
    return this.lastIso;
  }
}
