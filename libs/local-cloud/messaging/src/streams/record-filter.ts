import { messageOf } from '../delivery/thrown-error';
import { compileEventPattern, type CompiledMatcher } from '../matcher';
import { InvalidStreamMapping } from './errors';

/** Lambda event filtering's limit on one pattern (4,096 characters). */
const MAX_FILTER_PATTERN_LENGTH = 4096;

/**
 * Lambda event filtering uses EventBridge's pattern syntax but only part of its operators: equals, prefix,
 * suffix, equals-ignore-case, anything-but (of plain values), numeric, exists. EventBridge's others are
 * refused by name instead of being matched here and rejected by Lambda.
 */
const LAMBDA_OPERATORS = new Set(['prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'numeric', 'exists']);

export type RecordFilter = (record: unknown) => boolean;

/** One predicate for a mapping's FilterCriteria: a record passes when any pattern matches; no pattern passes all. */
export function compileRecordFilter(
  mapping: string,
  patterns: readonly Readonly<Record<string, unknown>>[],
): RecordFilter {
  const matchers: CompiledMatcher[] = patterns.map((pattern, i) => {
    const path = `filterPatterns.${i}`;
    assertLambdaOperators(mapping, path, pattern);
    try {
      return compileEventPattern(pattern, { maxPatternLength: MAX_FILTER_PATTERN_LENGTH });
    } catch (error) {
      throw new InvalidStreamMapping(mapping, `${path}: ${messageOf(error)}`, { cause: error });
    }
  });
  if (matchers.length === 0) return () => true;
  return (record) => matchers.some((matcher) => matcher.match(record).matched);
}

function assertLambdaOperators(mapping: string, path: string, node: unknown): void {
  if (Array.isArray(node)) {
    for (const value of node) {
      if (typeof value !== 'object' || value === null) continue;
      for (const [operator, operand] of Object.entries(value)) {
        if (!LAMBDA_OPERATORS.has(operator)) refuse(mapping, path, `the "${operator}" operator`);
        if (operator === 'anything-but' && typeof operand === 'object' && operand !== null && !Array.isArray(operand)) {
          refuse(mapping, path, `"anything-but" with "${Object.keys(operand).join('", "')}"`);
        }
      }
    }
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$or') refuse(mapping, path, '"$or" (list the alternatives as separate filterPatterns instead)');
    assertLambdaOperators(mapping, `${path}.${key}`, value);
  }
}

function refuse(mapping: string, path: string, feature: string): never {
  throw new InvalidStreamMapping(mapping, `${path}: ${feature} is not supported by Lambda event filtering`);
}
