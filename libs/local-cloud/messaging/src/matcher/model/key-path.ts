/**
 * Key paths as the console and error messages show them. A spot in a pattern has two paths: where it is in
 * the pattern (`$or[1].state`, named in compile errors) and which input key it tests (`state`, named in
 * match results).
 */
export interface Location {
  readonly pattern: string;
  readonly input: string;
}

export const ROOT_LOCATION: Location = { pattern: '', input: '' };

/** The path shown for the pattern root, where there is no key yet. */
export const ROOT_PATH = '(root)';

export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export function childLocation(at: Location, key: string): Location {
  return { pattern: childPath(at.pattern, key), input: childPath(at.input, key) };
}

/** A `$or` branch tests the same input object the `$or` sits in. */
export function orBranchLocation(at: Location, branchIndex: number): Location {
  return { pattern: `${childPath(at.pattern, '$or')}[${branchIndex}]`, input: at.input };
}

export function displayPath(path: string): string {
  return path === '' ? ROOT_PATH : path;
}
