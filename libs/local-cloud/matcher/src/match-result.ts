/**
 * The answer of a compiled matcher. A miss says which key failed and why, so the console's
 * "would this match?" box can point at it.
 */
export type MatchResult = { readonly matched: true } | { readonly matched: false; readonly reason: string; readonly path: string };

export type MatcherService = 'eventbridge' | 'sns';

export interface CompiledMatcher {
  readonly service: MatcherService;
  /** Every key path the pattern or policy tests, in order (`$or` branches included). */
  readonly keys: readonly string[];
  match(input: unknown): MatchResult;
}

export const MATCHED: MatchResult = Object.freeze({ matched: true });

export function notMatched(path: string, reason: string): MatchResult {
  return { matched: false, path, reason };
}
