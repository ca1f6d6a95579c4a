import type { MatcherService } from '../match-result';
import type { NumberPolicy } from '../values/comparable-number';

export const OPERATORS = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'cidr',
  'exists',
] as const;
export type OperatorName = (typeof OPERATORS)[number];

export type AnythingButForm = 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard';

/**
 * What one service accepts. Both services share the matching model; they differ in which operators exist,
 * numeric range and precision, how a malformed `$or` is read, and whether keys may nest.
 */
export interface Dialect {
  readonly service: MatcherService;
  /** How messages name the service: `EventBridge event patterns`, `SNS filter policies`. */
  readonly label: string;
  readonly operators: ReadonlySet<OperatorName>;
  readonly anythingButForms: ReadonlySet<AnythingButForm>;
  /** `{"prefix": {"equals-ignore-case": "x"}}` and the same for `suffix`. */
  readonly ignoreCaseAffixes: boolean;
  readonly numbers: NumberPolicy;
  /**
   * `strict`: `$or` always means OR and a malformed one is an error (EventBridge).
   * `lenient`: a `$or` that is not an array of two or more objects without operator keys is an ordinary key
   * name (SNS, as its documentation states).
   */
  readonly orOperator: 'strict' | 'lenient';
  /** SNS attribute scope takes only top-level keys. */
  readonly allowsNesting: boolean;
  /** Named in the error when an operator exists in the other service only. */
  readonly otherServiceHint: string;
}

export function isOperatorName(name: string): name is OperatorName {
  return (OPERATORS as readonly string[]).includes(name);
}
