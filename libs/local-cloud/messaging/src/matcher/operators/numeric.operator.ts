import type { Dialect } from '../compile/dialect';
import type { OperatorParser } from '../compile/operator-parser';
import { fail } from '../compile/pattern-problem';
import { isFiniteNumber, showJson } from '../model/json';
import { toComparable } from '../values/comparable-number';
import { comparableOperand } from './pattern-number';

type Comparison = '=' | '<' | '<=' | '>' | '>=';
const COMPARISONS: readonly string[] = ['=', '<', '<=', '>', '>='];

interface Bound {
  readonly comparison: Comparison;
  readonly comparable: number;
}

/**
 * `{"numeric": ["=", 301.8]}`, `["<", 10]`, `[">", 0, "<=", 5]`: one comparison, or a lower bound (`>`/`>=`)
 * followed by an upper bound (`<`/`<=`). Matches JSON numbers only, compared at the service's precision;
 * a number outside the service's range never matches.
 */
export const parseNumeric: OperatorParser = (operand, path, dialect) => {
  if (!Array.isArray(operand)) {
    fail(
      path,
      `"numeric" needs an array such as [">", 0, "<=", 5], not ${showJson(operand)}`,
      'Value of numeric must be an array.',
    );
  }
  const bounds = parseBounds(operand, path, dialect);
  return {
    description: `numeric ${showJson(operand)}`,
    matches: (value) => {
      if (!isFiniteNumber(value)) return false;
      const comparable = toComparable(value, dialect.numbers);
      return comparable !== undefined && bounds.every((bound) => satisfies(comparable, bound));
    },
  };
};

function parseBounds(operand: readonly unknown[], path: string, dialect: Dialect): Bound[] {
  const [first, , second] = operand;
  if (typeof first !== 'string') {
    fail(
      path,
      `"numeric" must start with an operator (=, <, <=, >, >=), not ${showJson(first)}`,
      `Invalid member in numeric match: ${first === undefined ? ']' : javaText(first)}`,
    );
  }
  if (!COMPARISONS.includes(first)) {
    fail(
      path,
      `unknown numeric operator ${showJson(first)}; use =, <, <=, > or >=`,
      `Unrecognized numeric range operator: ${first}`,
    );
  }
  const lower = bound(first as Comparison, operand[1], path, dialect);
  const isLowerBound = first === '>' || first === '>=';
  if (operand.length === 2) return [lower];
  if (!isLowerBound) {
    fail(
      path,
      `numeric operator "${first}" takes exactly one number; only ">" or ">=" can be followed by an upper bound`,
      'Too many elements in numeric expression',
    );
  }
  if (typeof second !== 'string') {
    fail(
      path,
      `a numeric range continues with "<" or "<=", not ${showJson(second)}`,
      `Bad value in numeric range: ${javaText(second)}`,
    );
  }
  if (second !== '<' && second !== '<=') {
    fail(
      path,
      `a numeric range's upper bound uses "<" or "<=", not ${showJson(second)}`,
      `Bad numeric range operator: ${second}`,
    );
  }
  const upper = bound(second, operand[3], path, dialect);
  if (operand.length > 4) {
    fail(path, 'a numeric range has at most two comparisons', 'Too many terms in numeric range expression');
  }
  if (lower.comparable >= upper.comparable) {
    fail(
      path,
      `the numeric range is empty: ${showJson(operand[1])} is not below ${showJson(operand[3])}`,
      'Bottom must be less than top',
    );
  }
  return [lower, upper];
}

function bound(comparison: Comparison, value: unknown, path: string, dialect: Dialect): Bound {
  if (!isFiniteNumber(value)) {
    fail(
      path,
      `numeric operator "${comparison}" needs a number, not ${showJson(value)}`,
      `Value of ${comparison === '=' ? 'equals' : comparison} must be numeric`,
    );
  }
  comparableOperand(value, path, dialect);
  return { comparison, comparable: toComparable(value, dialect.numbers) as number };
}

function satisfies(value: number, { comparison, comparable }: Bound): boolean {
  switch (comparison) {
    case '=':
      return value === comparable;
    case '<':
      return value < comparable;
    case '<=':
      return value <= comparable;
    case '>':
      return value > comparable;
    case '>=':
      return value >= comparable;
  }
}

/** How AWS's JSON parser prints the offending token: strings bare, everything else as JSON. */
function javaText(value: unknown): string {
  return typeof value === 'string' ? value : showJson(value);
}
