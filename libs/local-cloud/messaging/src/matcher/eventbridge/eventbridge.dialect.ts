import { type Dialect, OPERATORS } from '../compile/dialect';

/**
 * EventBridge event patterns on an event bus ("Comparison operators for use in event patterns"): every
 * operator, anything-but in all its forms, case-insensitive prefix and suffix, numbers between -5.0e9 and
 * +5.0e9 with six digits after the decimal point, and a strict `$or`.
 */
export const EVENTBRIDGE_DIALECT: Dialect = {
  service: 'eventbridge',
  label: 'EventBridge event patterns',
  operators: new Set(OPERATORS),
  anythingButForms: new Set(['prefix', 'suffix', 'equals-ignore-case', 'wildcard']),
  ignoreCaseAffixes: true,
  numbers: { limit: 5e9, decimals: 6 },
  orOperator: 'strict',
  allowsNesting: true,
  otherServiceHint: 'see "Comparison operators for use in event patterns"',
};
