import type { Dialect } from '../compile/dialect';
import type { OperatorParser } from '../compile/operator-parser';
import { fail } from '../compile/pattern-problem';
import { isJsonObject, showJson } from '../model/json';
import type { ValueMatcher } from '../model/rule-tree';
import { endsWithIgnoreCase, equalsIgnoreCase, startsWithIgnoreCase } from '../values/ignore-case';

/** `{"prefix": "us-"}`, and on EventBridge `{"prefix": {"equals-ignore-case": "us-"}}`. Strings only. */
export const parsePrefix: OperatorParser = (operand, path, dialect) =>
  affixMatcher('prefix', operand, path, dialect, {
    exact: (value, prefix) => value.startsWith(prefix),
    ignoreCase: startsWithIgnoreCase,
  });

/** `{"suffix": ".png"}`, and on EventBridge `{"suffix": {"equals-ignore-case": ".png"}}`. Strings only. */
export const parseSuffix: OperatorParser = (operand, path, dialect) =>
  affixMatcher('suffix', operand, path, dialect, {
    exact: (value, suffix) => value.endsWith(suffix),
    ignoreCase: endsWithIgnoreCase,
  });

/** `{"equals-ignore-case": "EC2"}`: equal strings whatever their case. */
export const parseEqualsIgnoreCase: OperatorParser = (operand, path) => {
  if (typeof operand !== 'string') {
    fail(
      path,
      `"equals-ignore-case" needs a string, not ${showJson(operand)}`,
      'equals-ignore-case match pattern must be a string',
    );
  }
  return {
    description: `equals-ignore-case ${showJson(operand)}`,
    matches: (value) => typeof value === 'string' && equalsIgnoreCase(value, operand),
  };
};

interface AffixTests {
  exact(value: string, affix: string): boolean;
  ignoreCase(value: string, affix: string): boolean;
}

function affixMatcher(
  operator: 'prefix' | 'suffix',
  operand: unknown,
  path: string,
  dialect: Dialect,
  tests: AffixTests,
): ValueMatcher {
  if (typeof operand === 'string') {
    return {
      description: `${operator} ${showJson(operand)}`,
      matches: (value) => typeof value === 'string' && tests.exact(value, operand),
    };
  }
  const ignoreCase = ignoreCaseOperand(operator, operand, path, dialect);
  return {
    description: `${operator} equals-ignore-case ${showJson(ignoreCase)}`,
    matches: (value) => typeof value === 'string' && tests.ignoreCase(value, ignoreCase),
  };
}

function ignoreCaseOperand(operator: string, operand: unknown, path: string, dialect: Dialect): string {
  const awsReason = `${operator} match pattern must be a string`;
  if (!isJsonObject(operand)) fail(path, `"${operator}" needs a string, not ${showJson(operand)}`, awsReason);
  if (!dialect.ignoreCaseAffixes) {
    fail(path, `"${operator}" with an object operand is not supported by ${dialect.label}; give a string`, awsReason);
  }
  const keys = Object.keys(operand);
  const inner = operand['equals-ignore-case'];
  if (keys.length !== 1 || typeof inner !== 'string') {
    fail(
      path,
      `"${operator}" takes a string or {"equals-ignore-case": "<string>"}, not ${showJson(operand)}`,
      awsReason,
    );
  }
  return inner;
}
