import type { Hop } from '../../types';
import type { FlowGroup, FlowStore } from './flow-store';

/** What the flow's filter bar asks for; empty fields do not filter. */
export interface FlowFilter {
  /** A service name: the first part of a function id (`orders` of `orders.placeOrder`). */
  readonly service: string;
  /** A function id, `<service>.<key>`. */
  readonly functionId: string;
  /** An HTTP status or its start: `404`, `4` (every 4xx), `5`. */
  readonly status: string;
  readonly errorsOnly: boolean;
  /** Found in the correlation id, a hop's name or its kind, case-insensitively. */
  readonly text: string;
}

export const NO_FILTER: FlowFilter = { service: '', functionId: '', status: '', errorsOnly: false, text: '' };

export const isFiltering = (filter: FlowFilter): boolean =>
  filter.errorsOnly || Boolean(filter.service || filter.functionId || filter.status || filter.text.trim());

/** The function a hop ran or delivered to: invoke hops by name, deliveries and stream batches by their detail. */
export function functionOfHop(hop: Hop): string | undefined {
  const fromDetail = hop.detail?.['functionId'];
  if (typeof fromDetail === 'string') return fromDetail;
  return hop.kind === 'invoke' || hop.kind === 'authorizer' ? hop.name : undefined;
}

const httpStatusOf = (hop: Hop): string | undefined => {
  const status = hop.kind === 'http' ? hop.detail?.['status'] : undefined;
  return typeof status === 'number' ? String(status) : undefined;
};

export function groupMatches(group: FlowGroup, filter: FlowFilter): boolean {
  if (filter.errorsOnly && group.status !== 'error') return false;
  const functions = group.hops.map(functionOfHop).filter((id): id is string => id !== undefined);
  if (filter.functionId && !functions.includes(filter.functionId)) return false;
  if (filter.service && !functions.some((id) => id.split('.', 1)[0] === filter.service)) return false;
  if (filter.status && !group.hops.some((hop) => httpStatusOf(hop)?.startsWith(filter.status))) return false;
  const text = filter.text.trim().toLowerCase();
  if (
    text &&
    !group.correlationId.toLowerCase().includes(text) &&
    !group.hops.some((hop) => hop.name.toLowerCase().includes(text) || hop.kind.includes(text))
  )
    return false;
  return true;
}

/** The groups the list shows, newest first, in the shape the list reads (`size`, `newest(i)`). */
export interface FlowRows {
  readonly size: number;
  newest(index: number): FlowGroup | undefined;
}

/** Every group, or the matching ones: one pass over the store per change, then O(1) a row. */
export function filteredRows(store: FlowStore, filter: FlowFilter): FlowRows {
  if (!isFiltering(filter)) return store;
  const matching: FlowGroup[] = [];
  for (let index = 0; index < store.size; index += 1) {
    const group = store.newest(index);
    if (group && groupMatches(group, filter)) matching.push(group);
  }
  return { size: matching.length, newest: (index) => matching[index] };
}

/** The services and functions seen so far, for the filter's choices. */
export function functionsSeen(store: FlowStore): string[] {
  const seen = new Set<string>();
  for (let index = 0; index < store.size; index += 1)
    for (const hop of store.newest(index)?.hops ?? []) {
      const id = functionOfHop(hop);
      if (id) seen.add(id);
    }
  return [...seen].sort();
}
