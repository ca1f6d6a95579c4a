export {
  compileEventPattern,
  DEFAULT_EVENT_PATTERN_LENGTH,
  type EventPatternOptions,
} from './eventbridge/compile-event-pattern';
export { compileFilterPolicy } from './sns/compile-filter-policy';
export type { FilterPolicyScope } from './sns/sns.dialect';
export type { SnsMessageAttribute } from './sns/message-attributes';
export { MAX_POLICY_BYTES, MAX_POLICY_COMBINATIONS, MAX_POLICY_KEYS } from './sns/filter-policy-limits';
export { InvalidFilterPolicyError, InvalidPatternError, type PatternErrorDetails } from './errors';
export type { CompiledMatcher, KeyExplanation, MatchExplanation, MatchResult, MatcherService } from './match-result';
export { explainEventPattern, explainFilterPolicy } from './explain';
export { flattenKeys, type FlatKey } from './flatten-keys';
export type { JsonObject, JsonPrimitive, JsonValue } from './model/json';
