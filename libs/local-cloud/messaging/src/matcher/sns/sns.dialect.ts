import { type Dialect, OPERATORS } from '../compile/dialect';

export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';

/**
 * SNS filter policies ("Amazon SNS message filtering"): no wildcard, anything-but only with values or a
 * prefix, prefix and suffix take plain strings, numbers between -1e9 and 1e9 with five digits after the
 * decimal point, `$or` only in its documented shape, and nesting only with the MessageBody scope.
 */
export function snsDialect(scope: FilterPolicyScope): Dialect {
  return {
    service: 'sns',
    label: scope === 'MessageBody' ? 'SNS filter policies' : 'SNS filter policies with the MessageAttributes scope',
    operators: new Set(OPERATORS.filter((operator) => operator !== 'wildcard')),
    anythingButForms: new Set(['prefix']),
    ignoreCaseAffixes: false,
    numbers: { limit: 1e9, decimals: 5 },
    orOperator: 'lenient',
    allowsNesting: scope === 'MessageBody',
    otherServiceHint: 'EventBridge event patterns support it; SNS filter policies do not',
  };
}
