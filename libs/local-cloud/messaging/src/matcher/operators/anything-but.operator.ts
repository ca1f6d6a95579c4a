import type { AnythingButForm, Dialect } from '../compile/dialect';
import type { OperatorParser } from '../compile/operator-parser';
import { fail } from '../compile/pattern-problem';
import { isFiniteNumber, isJsonObject, type JsonObject, type JsonPrimitive, showJson } from '../model/json';
import type { ValueMatcher } from '../model/rule-tree';
import { numbersEqual } from '../values/comparable-number';
import { equalsIgnoreCase } from '../values/ignore-case';
import { wildcardMatches } from '../values/wildcard-pattern';
import { comparableOperand } from './pattern-number';
import { wildcardTokens } from './wildcard.operator';

const FORMS: readonly AnythingButForm[] = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'];

/**
 * `anything-but` matches a present value unless the operand excludes it: a string, a number, a list of only
 * strings or only numbers, or (by service) `{prefix}`, `{suffix}`, `{equals-ignore-case}`, `{wildcard}`.
 * It never matches a missing key; on arrays it matches when any element is not excluded.
 */
export const parseAnythingBut: OperatorParser = (operand, path, dialect) => {
  if (typeof operand === 'string' || isFiniteNumber(operand)) return excludingValues([operand], path, dialect);
  if (Array.isArray(operand)) return excludingValues(operand, path, dialect);
  if (isJsonObject(operand)) return excludingForm(operand, path, dialect);
  return fail(
    path,
    `"anything-but" needs a string, a number, a list of strings or numbers, or an operator object, not ${showJson(operand)}`,
    'Value of anything-but must be an array or single string/number value.',
  );
};

function excluding(description: string, isExcluded: (value: JsonPrimitive) => boolean): ValueMatcher {
  return { description: `anything-but ${description}`, matches: (value) => !isExcluded(value) };
}

function excludingValues(values: readonly unknown[], path: string, dialect: Dialect): ValueMatcher {
  for (const value of values) {
    if (typeof value !== 'string' && !isFiniteNumber(value)) {
      fail(
        path,
        `"anything-but" lists take strings or numbers, not ${showJson(value)}`,
        'Inside anything but list, start|null|boolean is not supported.',
      );
    }
  }
  const strings = values.filter((value): value is string => typeof value === 'string');
  const numbers = values.filter(isFiniteNumber);
  if (values.length === 0 || (strings.length > 0 && numbers.length > 0)) {
    fail(
      path,
      values.length === 0
        ? '"anything-but" needs at least one value'
        : '"anything-but" lists must hold only strings or only numbers',
      'Inside anything but list, either all values are number or string, mixed type is not supported',
    );
  }
  numbers.forEach((number) => comparableOperand(number, path, dialect));
  const description = showJson(values.length === 1 ? values[0] : values);
  return excluding(description, (value) =>
    typeof value === 'number'
      ? numbers.some((number) => numbersEqual(value, number, dialect.numbers))
      : typeof value === 'string' && strings.includes(value),
  );
}

function excludingForm(operand: JsonObject, path: string, dialect: Dialect): ValueMatcher {
  const keys = Object.keys(operand);
  if (keys.length !== 1) {
    fail(
      path,
      `"anything-but" takes one operator object, got ${showJson(operand)}`,
      keys.length === 0 ? 'Anything-But expression name not found' : 'Only one key allowed in match expression',
    );
  }
  const form = keys[0] as string;
  const known = (FORMS as readonly string[]).includes(form);
  if (!known || !dialect.anythingButForms.has(form as AnythingButForm)) {
    const text = known
      ? `"anything-but" with "${form}" is not supported by ${dialect.label}`
      : `"anything-but" does not take "${form}"`;
    fail(path, text, `Unsupported anything-but pattern: ${form}`);
  }
  const inner = operand[form];
  if (form === 'prefix' || form === 'suffix') return excludingAffix(form, inner, path);
  if (form === 'equals-ignore-case') return excludingIgnoreCase(inner, path);
  return excludingWildcards(inner, path);
}

function excludingAffix(form: 'prefix' | 'suffix', inner: unknown, path: string): ValueMatcher {
  if (typeof inner !== 'string')
    fail(
      path,
      `"anything-but" ${form} needs a string, not ${showJson(inner)}`,
      'prefix/suffix match pattern must be a string',
    );
  if (inner === '') fail(path, `"anything-but" ${form} must not be empty`, 'Null prefix/suffix not allowed');
  const test =
    form === 'prefix' ? (value: string) => value.startsWith(inner) : (value: string) => value.endsWith(inner);
  return excluding(`${form} ${showJson(inner)}`, (value) => typeof value === 'string' && test(value));
}

function excludingIgnoreCase(inner: unknown, path: string): ValueMatcher {
  const list = Array.isArray(inner) ? inner : [inner];
  if (!list.every((item): item is string => typeof item === 'string')) {
    fail(
      path,
      `"anything-but" equals-ignore-case takes a string or a list of strings, not ${showJson(inner)}`,
      'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
    );
  }
  return excluding(
    `equals-ignore-case ${showJson(inner)}`,
    (value) => typeof value === 'string' && list.some((item) => equalsIgnoreCase(value, item)),
  );
}

function excludingWildcards(inner: unknown, path: string): ValueMatcher {
  const list = Array.isArray(inner) ? inner : [inner];
  const patterns = list.map((item) => wildcardTokens(item, path, 'anything-but wildcard'));
  return excluding(
    `wildcard ${showJson(inner)}`,
    (value) => typeof value === 'string' && patterns.some((tokens) => wildcardMatches(tokens, value)),
  );
}
