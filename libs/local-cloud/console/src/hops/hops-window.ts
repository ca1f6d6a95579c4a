import type { TraceRecorder } from '@harbor/local-cloud-trace';
import { InvalidConsoleRequest } from '../errors';

export const DEFAULT_HOPS_LIMIT = 2000;
export const MAX_HOPS_LIMIT = 20_000;

/** `limit` from the query: default 2000, an integer from 1 to 20,000. */
export function hopsLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_HOPS_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HOPS_LIMIT) {
    throw new InvalidConsoleRequest(`limit must be an integer from 1 to ${MAX_HOPS_LIMIT}, got ${JSON.stringify(raw)}`);
  }
  return limit;
}

/**
 * `GET /_local/hops`: the `limit` most recent hops, oldest first, as the JSON body `{"hops":[...]}`. The recorder
 * keeps each hop as JSON text, so the body is those texts joined: nothing is parsed or serialised again.
 */
export function hopsWindowJson(trace: TraceRecorder, limit: number): string {
  return `{"hops":${trace.latestJson(limit)}}`;
}
