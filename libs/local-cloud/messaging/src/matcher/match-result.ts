import type { KeyExplanation } from './evaluate/explain-rule';

/**
 * The answer of a compiled matcher. A miss says which key failed and why, so the console's
 * "would this match?" box can point at it.
 */
export type MatchResult =
  { readonly matched: true } | { readonly matched: false; readonly reason: string; readonly path: string };

export type MatcherService = 'eventbridge' | 'sns';

export type { KeyExplanation };

/** `match`'s verdict with every key's own result, for the console ("why did this not match?"). */
export interface MatchExplanation {
  readonly matches: boolean;
  readonly explanation: readonly KeyExplanation[];
}

export interface CompiledMatcher {
  readonly service: MatcherService;
  /** Every key path the pattern or policy tests, in order (`$or` branches included). */
  readonly keys: readonly string[];
  match(input: unknown): MatchResult;
  /** The same verdict as `match`, with a result per key of the pattern or policy. */
  explain(input: unknown): MatchExplanation;
}

export const MATCHED: MatchResult = Object.freeze({ matched: true });

/** The explanation of an input the matcher refuses as a whole (not an object, a malformed attribute). */
export function refusedExplanation(result: MatchResult): MatchExplanation {
  return {
    matches: result.matched,
    explanation: result.matched ? [] : [{ path: result.path, ok: false, reason: result.reason }],
  };
}

export function notMatched(path: string, reason: string): MatchResult {
  return { matched: false, path, reason };
}
