import { isJsonObject, isJsonPrimitive, showJson } from '../model/json';
import type { FieldMatcher } from '../model/rule-tree';
import { parseAnythingBut } from '../operators/anything-but.operator';
import { parseCidr } from '../operators/cidr.operator';
import { exactMatcher } from '../operators/exact.operator';
import { parseExists } from '../operators/exists.operator';
import { parseNumeric } from '../operators/numeric.operator';
import { parseEqualsIgnoreCase, parsePrefix, parseSuffix } from '../operators/string.operators';
import { parseWildcardOperator } from '../operators/wildcard.operator';
import { type Dialect, isOperatorName, type OperatorName } from './dialect';
import type { OperatorParser } from './operator-parser';
import { fail } from './pattern-problem';

const PARSERS: Record<OperatorName, OperatorParser> = {
  prefix: parsePrefix,
  suffix: parseSuffix,
  'equals-ignore-case': parseEqualsIgnoreCase,
  wildcard: parseWildcardOperator,
  'anything-but': parseAnythingBut,
  numeric: parseNumeric,
  cidr: parseCidr,
  exists: parseExists,
};

/** One element of a key's value array: a plain value to match exactly, or a one-operator object. */
export function parseMatchExpression(element: unknown, path: string, dialect: Dialect): FieldMatcher {
  if (isJsonPrimitive(element)) return exactMatcher(element, dialect);
  if (!isJsonObject(element)) {
    fail(
      path,
      `${showJson(element)} is not a match value; use a string, a number, true, false, null or an operator object`,
      'Match value must be String, number, true, false, or null',
    );
  }
  const operators = Object.keys(element);
  if (operators.length !== 1) {
    fail(
      path,
      `an operator object holds exactly one operator, not ${operators.length === 0 ? 'none' : operators.map((name) => `"${name}"`).join(', ')}`,
      operators.length === 0 ? 'Match expression name not found' : 'Only one key allowed in match expression',
    );
  }
  const operator = operators[0] as string;
  if (!isOperatorName(operator)) fail(path, `unknown operator "${operator}"`, `Unrecognized match type ${operator}`);
  if (!dialect.operators.has(operator)) {
    fail(
      path,
      `operator "${operator}" is not supported by ${dialect.label} (${dialect.otherServiceHint})`,
      `Unrecognized match type ${operator}`,
    );
  }
  return PARSERS[operator](element[operator], path, dialect);
}
