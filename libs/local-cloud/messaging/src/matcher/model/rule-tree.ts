import type { JsonPrimitive } from './json';

/**
 * A compiled pattern or policy. One tree serves both services: SNS filter policies and EventBridge event
 * patterns share one matching model (AWS builds both on the same rule language), and the dialect used at
 * compile time decides which operators and limits apply.
 */
export interface ValueMatcher {
  /** `prefix "us-"`, `numeric > 0 and <= 5`: how the matcher reads in a match reason. */
  readonly description: string;
  /** Whether one leaf value of the input satisfies this matcher (arrays are flattened before). */
  matches(value: JsonPrimitive): boolean;
}

/** `{"exists": true|false}` looks at presence, not at values, so it is its own kind. */
export interface ExistsMatcher {
  readonly description: string;
  readonly exists: boolean;
}

export type FieldMatcher = ValueMatcher | ExistsMatcher;

export function isExistsMatcher(matcher: FieldMatcher): matcher is ExistsMatcher {
  return 'exists' in matcher;
}

/** A key whose pattern value is an array: matches when any of its matchers does (OR). */
export interface FieldRule {
  readonly kind: 'field';
  readonly key: string;
  readonly path: string;
  readonly matchers: readonly FieldMatcher[];
}

/** A key whose pattern value is an object: that object rule applies to the input's value at the key. */
export interface NestedRule {
  readonly kind: 'nested';
  readonly key: string;
  readonly path: string;
  readonly rule: ObjectRule;
}

/** `"$or": [{...}, {...}]`: at least one branch must match the object the `$or` sits in. */
export interface OrRule {
  readonly kind: 'or';
  readonly path: string;
  readonly branches: readonly ObjectRule[];
}

export type RuleEntry = FieldRule | NestedRule | OrRule;

/** Every entry of one pattern object must match (AND), checked in the pattern's key order. */
export interface ObjectRule {
  readonly entries: readonly RuleEntry[];
}

/** Every key path a rule tests, in pattern order. */
export function rulePaths(rule: ObjectRule): string[] {
  return rule.entries.flatMap((entry) => {
    if (entry.kind === 'field') return [entry.path];
    if (entry.kind === 'nested') return rulePaths(entry.rule);
    return entry.branches.flatMap(rulePaths);
  });
}
