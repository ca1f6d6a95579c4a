import type { Hop } from '../../types';

/** All hops of one correlation id: one request or event and everything it caused. */
export interface FlowGroup {
  readonly correlationId: string;
  /** In the order they started (a hop is recorded when it ends, so the request that caused the rest comes last). */
  readonly hops: Hop[];
  startedAtMs: number;
  endedAtMs: number;
  status: 'ok' | 'error';
  /** Bumped when a hop joins, so a row can tell it changed. */
  revision: number;
}

/** Past this many groups the oldest quarter is forgotten, so a long session cannot grow without bound. */
const MAX_GROUPS = 20_000;

/**
 * Groups hops by correlation id incrementally: adding a batch costs O(batch), never O(all hops), and groups keep
 * the order they first appeared in, so a late hop (a retry, a delivery) does not make the list jump.
 */
export class FlowStore {
  private readonly byId = new Map<string, FlowGroup>();
  /** Oldest first; the list reads it backwards. */
  private created: FlowGroup[] = [];
  private lastHopId = 0;
  private firstHopId = Number.POSITIVE_INFINITY;
  hopCount = 0;

  /** Adds hops in id order; hops already seen (a replay overlapping the first load) are skipped. */
  add(hops: readonly Hop[]): number {
    let added = 0;
    for (const hop of hops) {
      if (hop.id <= this.lastHopId) continue;
      this.lastHopId = hop.id;
      this.firstHopId = Math.min(this.firstHopId, hop.id);
      added += 1;
      const created = this.place(hop);
      if (created) this.created.push(created);
    }
    if (this.created.length > MAX_GROUPS) this.forget(Math.floor(MAX_GROUPS / 4));
    return added;
  }

  /**
   * Adds history older than every hop held (the console shows the newest hops first and loads the rest after):
   * hops at or after the oldest one held are skipped. New groups go behind the existing ones.
   */
  addOlder(hops: readonly Hop[]): number {
    const olderGroups: FlowGroup[] = [];
    let added = 0;
    let oldest = this.firstHopId;
    for (const hop of hops) {
      if (hop.id >= this.firstHopId) continue;
      oldest = Math.min(oldest, hop.id);
      this.lastHopId = Math.max(this.lastHopId, hop.id);
      added += 1;
      const created = this.place(hop);
      if (created) olderGroups.push(created);
    }
    this.firstHopId = oldest;
    if (olderGroups.length) this.created = olderGroups.concat(this.created);
    if (this.created.length > MAX_GROUPS) this.forget(this.created.length - MAX_GROUPS + Math.floor(MAX_GROUPS / 4));
    return added;
  }

  /** Puts a hop in its group; answers the group when the hop started a new one (for the caller to place). */
  private place(hop: Hop): FlowGroup | undefined {
    this.hopCount += 1;
    const startedAtMs = Date.parse(hop.startedAt);
    const endedAtMs = startedAtMs + hop.durationMs;
    const group = this.byId.get(hop.correlationId);
    if (!group) {
      const created: FlowGroup = {
        correlationId: hop.correlationId,
        hops: [hop],
        startedAtMs,
        endedAtMs,
        status: hop.status,
        revision: 0,
      };
      this.byId.set(hop.correlationId, created);
      return created;
    }
    insertByStart(group.hops, hop);
    group.revision += 1;
    if (startedAtMs < group.startedAtMs) group.startedAtMs = startedAtMs;
    if (endedAtMs > group.endedAtMs) group.endedAtMs = endedAtMs;
    if (hop.status === 'error') group.status = 'error';
    return undefined;
  }

  get size(): number {
    return this.created.length;
  }

  get newestHopId(): number {
    return this.lastHopId;
  }

  /** The `index`-th group counted from the newest. */
  newest(index: number): FlowGroup | undefined {
    return this.created[this.created.length - 1 - index];
  }

  group(correlationId: string): FlowGroup | undefined {
    return this.byId.get(correlationId);
  }

  private forget(count: number): void {
    for (const group of this.created.splice(0, count)) {
      this.byId.delete(group.correlationId);
      this.hopCount -= group.hops.length;
    }
  }
}

/** Hops that started in the same millisecond keep the order they were recorded in. */
const startsAfter = (a: Hop, b: Hop): boolean =>
  a.startedAt > b.startedAt || (a.startedAt === b.startedAt && a.id > b.id);

/** Keeps `hops` ordered by start; a new hop usually belongs at or near the end, so this walks back a step or two. */
function insertByStart(hops: Hop[], hop: Hop): void {
  let at = hops.length;
  // ISO-8601 UTC timestamps of one format order as strings do.
  while (at > 0 && startsAfter(hops[at - 1] as Hop, hop)) at -= 1;
  hops.splice(at, 0, hop);
}
