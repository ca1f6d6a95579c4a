import { type JsonObject, showJson } from '../model/json';
import { displayPath } from '../model/key-path';
import { type FieldRule, isExistsMatcher, type ObjectRule, type OrRule, type RuleEntry } from '../model/rule-tree';
import { MATCHED, type MatchResult, notMatched } from '../match-result';
import { candidateObjects, leafValues } from './leaf-values';

/**
 * Matches an object rule against the input value at its key. A miss is explained by the first failing
 * key; among the elements of an array of objects, by the element that matched the most keys before failing.
 */
export function evaluateObjectRule(rule: ObjectRule, raw: unknown): MatchResult {
  let closestMiss: Attempt | undefined;
  for (const candidate of candidateObjects(raw)) {
    const attempt = attemptOnObject(rule, candidate);
    if (attempt.result.matched) return attempt.result;
    if (closestMiss === undefined || attempt.matchedEntries > closestMiss.matchedEntries) closestMiss = attempt;
  }
  return closestMiss?.result ?? MATCHED;
}

interface Attempt {
  readonly result: MatchResult;
  readonly matchedEntries: number;
}

function attemptOnObject(rule: ObjectRule, object: JsonObject | undefined): Attempt {
  for (const [index, entry] of rule.entries.entries()) {
    const result = evaluateEntry(entry, object);
    if (!result.matched) return { result, matchedEntries: index };
  }
  return { result: MATCHED, matchedEntries: rule.entries.length };
}

function evaluateOnObject(rule: ObjectRule, object: JsonObject | undefined): MatchResult {
  return attemptOnObject(rule, object).result;
}

function evaluateEntry(entry: RuleEntry, object: JsonObject | undefined): MatchResult {
  if (entry.kind === 'field') return evaluateField(entry, object?.[entry.key]);
  if (entry.kind === 'nested') return evaluateObjectRule(entry.rule, object?.[entry.key]);
  return evaluateOr(entry, object);
}

/** Exported for the explainer, so explanations and verdicts come from the same check. */
export function evaluateField(field: FieldRule, raw: unknown): MatchResult {
  const values = leafValues(raw);
  const present = values.length > 0;
  const matched = field.matchers.some((matcher) =>
    isExistsMatcher(matcher) ? matcher.exists === present : values.some((value) => matcher.matches(value)),
  );
  if (matched) return MATCHED;
  const expected = field.matchers.map((matcher) => matcher.description).join(', ');
  if (present) {
    const shown = showJson(values.length === 1 ? values[0] : values);
    return notMatched(displayPath(field.path), `value ${shown} matches none of: ${expected}`);
  }
  const absence = raw === undefined ? 'the key is missing' : `the key holds no leaf value (${showJson(raw)})`;
  return notMatched(displayPath(field.path), `${absence}; expected ${expected}`);
}

function evaluateOr(or: OrRule, object: JsonObject | undefined): MatchResult {
  const misses: string[] = [];
  for (const [index, branch] of or.branches.entries()) {
    const result = evaluateOnObject(branch, object);
    if (result.matched) return result;
    misses.push(`[${index}] "${result.path}": ${result.reason}`);
  }
  return notMatched(displayPath(or.path), `no "$or" branch matches: ${misses.join('; ')}`);
}
