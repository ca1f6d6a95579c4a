import { isJsonObject, type JsonObject, showJson } from '../model/json';
import { childLocation, childPath, displayPath, type Location, orBranchLocation } from '../model/key-path';
import type { FieldRule, ObjectRule, OrRule, RuleEntry } from '../model/rule-tree';
import { type Dialect, isOperatorName } from './dialect';
import { parseMatchExpression } from './match-expression.parser';
import { fail } from './pattern-problem';

const OR_KEY = '$or';

/** Compiles a pattern or policy object (or one nested level of it) into an object rule. */
export function parseObjectRule(pattern: unknown, at: Location, dialect: Dialect, insideOr = false): ObjectRule {
  if (!isJsonObject(pattern)) {
    fail(displayPath(at.pattern), `must be a JSON object, not ${showJson(pattern)}`, 'Filter is not an object');
  }
  const keys = Object.keys(pattern);
  if (keys.length === 0)
    fail(displayPath(at.pattern), 'an empty object is not allowed', 'Empty objects are not allowed');
  return { entries: keys.map((key) => parseEntry(pattern, key, at, dialect, insideOr)) };
}

function parseEntry(
  pattern: JsonObject,
  key: string,
  parent: Location,
  dialect: Dialect,
  insideOr: boolean,
): RuleEntry {
  const value = pattern[key];
  if (key === OR_KEY && (dialect.orOperator === 'strict' || isOrRelationship(value))) {
    return parseOr(value, parent, dialect);
  }
  const at = childLocation(parent, key);
  if (insideOr && dialect.orOperator === 'strict' && isOperatorName(key)) {
    fail(
      at.pattern,
      `"${key}" is an operator name and cannot be a key inside "$or"`,
      `${key} is Ruler reserved fieldName which cannot be used inside $or.`,
    );
  }
  if (Array.isArray(value)) return parseField(key, value, at, dialect);
  if (isJsonObject(value)) {
    // The nested object is read first so its own problems are reported first, as SNS reports them.
    const rule = parseObjectRule(value, at, dialect, insideOr);
    if (!dialect.allowsNesting) {
      fail(
        at.pattern,
        `${dialect.label} do not support nested keys`,
        'Filter policy scope MessageAttributes does not support nested filter policy',
      );
    }
    return { kind: 'nested', key, path: at.input, rule };
  }
  return fail(
    at.pattern,
    `must be an object or an array, not ${showJson(value)}`,
    `"${key}" must be an object or an array`,
  );
}

function parseField(key: string, values: readonly unknown[], at: Location, dialect: Dialect): FieldRule {
  if (values.length === 0) fail(at.pattern, 'an empty array is not allowed', 'Empty arrays are not allowed');
  const matchers = values.map((element) => parseMatchExpression(element, at.pattern, dialect));
  return { kind: 'field', key, path: at.input, matchers };
}

/** SNS reads `$or` as OR only in this shape; anything else is an ordinary key called `$or`. */
function isOrRelationship(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((branch) => isJsonObject(branch) && !Object.keys(branch).some(isOperatorName))
  );
}

function parseOr(value: unknown, parent: Location, dialect: Dialect): OrRule {
  const patternPath = childPath(parent.pattern, OR_KEY);
  if (!Array.isArray(value)) {
    fail(
      patternPath,
      `"$or" needs an array of at least two objects, not ${showJson(value)}`,
      'It must be an Array followed with $or.',
    );
  }
  value.forEach((branch, index) => {
    if (!isJsonObject(branch)) {
      fail(
        orBranchLocation(parent, index).pattern,
        `each "$or" branch must be an object, not ${showJson(branch)}`,
        'Only JSON object is allowed in array of $or relationship.',
      );
    }
  });
  if (value.length < 2) {
    fail(
      patternPath,
      `"$or" needs at least two branches, got ${value.length}`,
      'There must have at least 2 Objects in $or relationship.',
    );
  }
  const branches = value.map((branch, index) =>
    parseObjectRule(branch, orBranchLocation(parent, index), dialect, true),
  );
  return { kind: 'or', path: childPath(parent.input, OR_KEY), branches };
}
