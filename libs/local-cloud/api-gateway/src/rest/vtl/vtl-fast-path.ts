import { isRecord } from '../definition/json-values';
import type { VtlVariables } from './vtl-template';

type Piece = string | { readonly root: 'context' | 'stageVariables'; readonly names: readonly string[] };

/** Java's (and velocityjs's) rendering of lists and maps: `[a, b]`, `{k=v}`. */
const format = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `[${value.map(format).join(', ')}]`;
  if (isRecord(value)) return `{${Object.entries(value).map(([key, entry]) => `${key}=${format(entry)}`).join(', ')}}`;
  return String(value);
};

const lookup = (root: unknown, names: readonly string[]): unknown => {
  let current = root;
  for (const name of names) current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[name] : undefined;
  return current;
};

/**
 * Most mapping templates are text with `$context.x.y` / `$stageVariables.x` references. Those render by plain
 * concatenation instead of a VTL evaluation; `undefined` means the template needs the full engine.
 */
export const compileFastPath = (nodes: readonly unknown[]): ((variables: VtlVariables) => string) | undefined => {
  const pieces: Piece[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      pieces.push(node);
      continue;
    }
    if (!isRecord(node)) return undefined;
    if (node['type'] === 'comment') continue;
    const root = node['id'];
    if (node['type'] !== 'references' || (root !== 'context' && root !== 'stageVariables') || node['args'] !== undefined) return undefined;
    const path = Array.isArray(node['path']) ? node['path'] : [];
    if (!path.every((step) => isRecord(step) && step['type'] === 'property' && typeof step['id'] === 'string')) return undefined;
    pieces.push({ root, names: path.map((step) => String((step as Record<string, unknown>)['id'])) });
  }
  return ({ context, stageVariables }) => {
    let out = '';
    for (const piece of pieces) out += typeof piece === 'string' ? piece : format(lookup(piece.root === 'context' ? context : stageVariables, piece.names));
    return out;
  };
};
