import { decodeOrKeep } from '../../core';
import { splitPath, type PathPart } from './route-path';

export interface TableEntry<T> {
  /** Upper-case method, or `ANY`. */
  readonly method: string;
  readonly parts: readonly PathPart[];
  readonly value: T;
}

export interface RouteMatch<T> {
  readonly value: T;
  readonly pathParameters: Readonly<Record<string, string>>;
}

const RANK = { literal: 0, variable: 1, greedy: 2 } as const;

/**
 * API Gateway's priority for HTTP API routes: a full match (literal parts before `{variables}`, part by part) before
 * a match through a greedy `{proxy+}` (the longer, more literal prefix first); for the same path a named method
 * before `ANY`. The `$default` route is not in the table: it is the caller's fallback.
 */
const compareEntries = <T>(a: TableEntry<T>, b: TableEntry<T>): number => {
  const aGreedy = a.parts.at(-1)?.kind === 'greedy';
  const bGreedy = b.parts.at(-1)?.kind === 'greedy';
  if (aGreedy !== bGreedy) return aGreedy ? 1 : -1;
  for (let index = 0; index < Math.min(a.parts.length, b.parts.length); index += 1) {
    const difference = RANK[a.parts[index].kind] - RANK[b.parts[index].kind];
    if (difference !== 0) return difference;
  }
  if (a.parts.length !== b.parts.length) return b.parts.length - a.parts.length;
  return (a.method === 'ANY' ? 1 : 0) - (b.method === 'ANY' ? 1 : 0);
};

const matchParts = (parts: readonly PathPart[], segments: readonly string[]): Record<string, string> | undefined => {
  const greedy = parts.at(-1)?.kind === 'greedy';
  if (greedy ? segments.length < parts.length : segments.length !== parts.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    if (part.kind === 'literal') {
      if (segments[index] !== part.text) return undefined;
    } else if (part.kind === 'variable') {
      parameters[part.name] = decodeOrKeep(segments[index]);
    } else {
      parameters[part.name] = segments.slice(index).map(decodeOrKeep).join('/');
    }
  }
  return parameters;
};

/** Routes sorted once by priority; a request takes the first that matches its method and path. */
export class RouteTable<T> {
  private readonly entries: readonly TableEntry<T>[];

  constructor(entries: readonly TableEntry<T>[]) {
    this.entries = [...entries].sort(compareEntries);
  }

  match(method: string, path: string): RouteMatch<T> | undefined {
    const segments = splitPath(path);
    for (const entry of this.entries) {
      if (entry.method !== method && entry.method !== 'ANY') continue;
      const pathParameters = matchParts(entry.parts, segments);
      if (pathParameters) return { value: entry.value, pathParameters };
    }
    return undefined;
  }
}
