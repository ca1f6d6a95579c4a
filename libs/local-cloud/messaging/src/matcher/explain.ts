import { compileEventPattern } from './eventbridge/compile-event-pattern';
import type { MatchExplanation } from './match-result';
import { compileFilterPolicy } from './sns/compile-filter-policy';
import type { FilterPolicyScope } from './sns/sns.dialect';

/**
 * Would this event match this pattern, and why not: compiles the pattern as PutRule does (an invalid one throws
 * `InvalidPatternError`) and explains every key with the matcher's own verdict.
 */
export function explainEventPattern(pattern: unknown, event: unknown): MatchExplanation {
  return compileEventPattern(pattern).explain(event);
}

/**
 * Would this message reach a subscription with this filter policy, and why not. The input is what the scope
 * filters: the message attributes map, or the message body (string or parsed object). Invalid policies throw
 * `InvalidFilterPolicyError`.
 */
export function explainFilterPolicy(policy: unknown, scope: FilterPolicyScope, input: unknown): MatchExplanation {
  return compileFilterPolicy(policy, scope).explain(input);
}
