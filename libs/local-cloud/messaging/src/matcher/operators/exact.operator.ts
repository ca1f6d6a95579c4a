import type { Dialect } from '../compile/dialect';
import { type JsonPrimitive, showJson } from '../model/json';
import type { ValueMatcher } from '../model/rule-tree';
import { numbersEqual } from '../values/comparable-number';

/**
 * A plain value in a pattern array: strings match equal strings (case-sensitive), numbers match numerically
 * equal numbers (`300` matches `3.0e2`), and `true`, `false`, `null` match themselves. A string never
 * matches a number, so `"300"` does not match `300`.
 */
export function exactMatcher(literal: JsonPrimitive, dialect: Dialect): ValueMatcher {
  const description = showJson(literal);
  if (typeof literal === 'number') {
    return {
      description,
      matches: (value) => typeof value === 'number' && numbersEqual(value, literal, dialect.numbers),
    };
  }
  return { description, matches: (value) => value === literal };
}
