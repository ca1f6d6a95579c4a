/**
 * The JSONPath subset API Gateway templates use with `$input.json()` / `$input.path()`: `$`, `.name`,
 * `['name']`, `[index]` (negative counts from the end), `[*]` and `.*`. Anything else (filters, recursive
 * descent, slices, unions) is rejected when the path is compiled, so an unsupported path fails at start-up.
 */
type Step =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' };

export type JsonPathQuery = (root: unknown) => unknown;

export class JsonPathError extends Error {
  constructor(path: string, detail: string) {
    super(`JSONPath ${path}: ${detail}`);
    this.name = 'JsonPathError';
  }
}

const parseSteps = (path: string): Step[] => {
  const text = path.trim();
  if (!text.startsWith('$')) throw new JsonPathError(path, 'must start with $');
  const steps: Step[] = [];
  let position = 1;
  while (position < text.length) {
    const rest = text.slice(position);
    if (rest.startsWith('..')) throw new JsonPathError(path, 'recursive descent (..) is not emulated');
    const dotted = /^\.(\*|[A-Za-z0-9_$@:-]+)/.exec(rest);
    if (dotted) {
      steps.push(dotted[1] === '*' ? { kind: 'wildcard' } : { kind: 'name', name: dotted[1] });
      position += dotted[0].length;
      continue;
    }
    const quoted = /^\[\s*(['"])((?:\\.|(?!\1).)*)\1\s*\]/.exec(rest);
    if (quoted) {
      steps.push({ kind: 'name', name: quoted[2].replace(/\\(.)/g, '$1') });
      position += quoted[0].length;
      continue;
    }
    const indexed = /^\[\s*(-?\d+|\*)\s*\]/.exec(rest);
    if (indexed) {
      steps.push(indexed[1] === '*' ? { kind: 'wildcard' } : { kind: 'index', index: Number(indexed[1]) });
      position += indexed[0].length;
      continue;
    }
    throw new JsonPathError(path, `"${rest}" is not emulated (filters, slices and unions are not supported)`);
  }
  return steps;
};

const applyStep = (value: unknown, step: Step): unknown[] => {
  if (step.kind === 'wildcard') {
    if (Array.isArray(value)) return value;
    return typeof value === 'object' && value !== null ? Object.values(value) : [];
  }
  if (step.kind === 'index') {
    if (!Array.isArray(value)) return [];
    const item = value[step.index < 0 ? value.length + step.index : step.index];
    return item === undefined ? [] : [item];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.prototype.hasOwnProperty.call(value, step.name) ? [(value as Record<string, unknown>)[step.name]] : [];
};

export const compileJsonPath = (path: string): JsonPathQuery => {
  const steps = parseSteps(path);
  const definite = steps.every((step) => step.kind !== 'wildcard');
  return (root: unknown): unknown => {
    let current: unknown[] = [root];
    for (const step of steps) current = current.flatMap((value) => applyStep(value, step));
    // A definite path yields the value itself; a path with a wildcard yields the list of matches (Jayway).
    return definite ? current[0] : current;
  };
};

const cache = new Map<string, JsonPathQuery>();

/** Compiled paths are cached: templates pass the same literal paths on every request. */
export const jsonPath = (path: string): JsonPathQuery => {
  let query = cache.get(path);
  if (!query) {
    query = compileJsonPath(path);
    cache.set(path, query);
  }
  return query;
};
