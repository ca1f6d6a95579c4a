import type { Dialect } from '../compile/dialect';
import { fail } from '../compile/pattern-problem';
import { ROOT_PATH } from '../model/key-path';
import type { ObjectRule, RuleEntry } from '../model/rule-tree';

export const MAX_POLICY_KEYS = 5;
export const MAX_POLICY_COMBINATIONS = 150;
export const MAX_POLICY_BYTES = 256 * 1024;

/** Branches beyond this cannot pass the combination limit anyway (each branch adds at least one). */
const EXPANSION_CAP = 10_000;

/**
 * SNS's "Filter policy constraints": at most five keys (top-level keys; in each `$or` alternative), and at
 * most 150 combinations: the values of each key multiplied together (a nested key's count multiplied by
 * its depth), summed over the `$or` alternatives.
 */
export function checkFilterPolicyLimits(rule: ObjectRule, bytes: number, dialect: Dialect): void {
  if (bytes > MAX_POLICY_BYTES) {
    fail(ROOT_PATH, `the policy is ${bytes} bytes; SNS allows ${MAX_POLICY_BYTES} (256 KB)`);
  }
  if (branchCount(rule) <= EXPANSION_CAP) {
    const keys = Math.max(...topLevelKeySets(rule).map((set) => set.size));
    if (keys > MAX_POLICY_KEYS) {
      fail(
        ROOT_PATH,
        `${dialect.label} can have at most ${MAX_POLICY_KEYS} keys; this one has ${keys}`,
        'Filter policy can not have more than 5 keys',
      );
    }
  }
  const total = combinations(rule, 1);
  if (total > MAX_POLICY_COMBINATIONS) {
    fail(
      ROOT_PATH,
      `the policy has ${total} combinations of values; SNS allows ${MAX_POLICY_COMBINATIONS}`,
      'Filter policy is too complex',
    );
  }
}

export function combinations(rule: ObjectRule, depth: number): number {
  return rule.entries.reduce((product, entry) => product * entryCombinations(entry, depth), 1);
}

function entryCombinations(entry: RuleEntry, depth: number): number {
  if (entry.kind === 'field') return entry.matchers.length * depth;
  if (entry.kind === 'nested') return combinations(entry.rule, depth + 1);
  return entry.branches.reduce((sum, branch) => sum + combinations(branch, depth), 0);
}

function branchCount(rule: ObjectRule): number {
  return rule.entries.reduce((product, entry) => {
    if (entry.kind === 'field') return product;
    if (entry.kind === 'nested') return product * branchCount(entry.rule);
    return product * entry.branches.reduce((sum, branch) => sum + branchCount(branch), 0);
  }, 1);
}

/** The top-level keys of each alternative the `$or` operators spell out. */
function topLevelKeySets(rule: ObjectRule, topKey?: string): Set<string>[] {
  let sets: Set<string>[] = [new Set()];
  for (const entry of rule.entries) {
    const alternatives =
      entry.kind === 'or'
        ? entry.branches.flatMap((branch) => topLevelKeySets(branch, topKey))
        : entry.kind === 'nested'
          ? topLevelKeySets(entry.rule, topKey ?? entry.key)
          : [new Set([topKey ?? entry.key])];
    sets = sets.flatMap((set) => alternatives.map((alternative) => new Set([...set, ...alternative])));
  }
  return sets;
}
