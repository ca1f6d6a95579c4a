import { isExistsMatcher, type FieldRule, type ObjectRule, type OrRule, type RuleEntry } from '../model/rule-tree';
import { type JsonObject, showJson } from '../model/json';
import { displayPath } from '../model/key-path';
import { evaluateField } from './evaluate-rule';
import { candidateObjects, leafValues } from './leaf-values';

/** One key of a pattern or policy, as the console's "would this match?" box shows it. */
export interface KeyExplanation {
  /** The input key tested (`detail.status`), or the `$or` itself (`detail.$or`) for its summary. */
  readonly path: string;
  readonly ok: boolean;
  readonly reason: string;
  /** Set on keys inside `$or` branches (`$or[1]`, nested `$or[0].$or[1]`): a failing branch key does not decide the verdict. */
  readonly branch?: string;
}

/**
 * Every key of an object rule with its own result. Field verdicts come from `evaluateField`, the matcher's own
 * check, so an explanation can never disagree with `match`; the wording is the only thing added here.
 * Among the elements of an array of objects, the element explained is the one the matcher picks: the first that
 * matches, else the one that matched the most keys before failing.
 */
export function explainObjectRule(rule: ObjectRule, raw: unknown, branch?: string): KeyExplanation[] {
  let chosen: { explained: KeyExplanation[]; matchedBeforeMiss: number } | undefined;
  for (const candidate of candidateObjects(raw)) {
    const perEntry = rule.entries.map((entry) => explainEntry(entry, candidate, branch));
    const firstMiss = perEntry.findIndex((explained) => !decides(explained, branch));
    const matchedBeforeMiss = firstMiss === -1 ? rule.entries.length : firstMiss;
    if (firstMiss === -1) return perEntry.flat();
    if (chosen === undefined || matchedBeforeMiss > chosen.matchedBeforeMiss)
      chosen = { explained: perEntry.flat(), matchedBeforeMiss };
  }
  return chosen?.explained ?? [];
}

/** Whether explained keys match at one level: keys of deeper `$or` branches are summed up by their `$or` entry. */
function decides(explained: readonly KeyExplanation[], branch: string | undefined): boolean {
  return explained.every((key) => key.ok || key.branch !== branch);
}

function explainEntry(entry: RuleEntry, object: JsonObject | undefined, branch: string | undefined): KeyExplanation[] {
  if (entry.kind === 'field') return [explainField(entry, object?.[entry.key], branch)];
  if (entry.kind === 'nested') return explainObjectRule(entry.rule, object?.[entry.key], branch);
  return explainOr(entry, object, branch);
}

function explainField(field: FieldRule, raw: unknown, branch: string | undefined): KeyExplanation {
  const verdict = evaluateField(field, raw);
  const values = leafValues(raw);
  const expected = `expected one of [${field.matchers.map((matcher) => matcher.description).join(', ')}]`;
  const got =
    raw === undefined
      ? 'the key is missing'
      : values.length === 0
        ? `got no leaf value (${showJson(raw)})`
        : `got ${showJson(values.length === 1 ? values[0] : values)}`;
  const path = displayPath(field.path);
  const at = branch === undefined ? {} : { branch };
  if (!verdict.matched) return { path, ok: false, reason: `${expected}, ${got}`, ...at };
  const present = values.length > 0;
  const winner = field.matchers.find((matcher) =>
    isExistsMatcher(matcher) ? matcher.exists === present : values.some((value) => matcher.matches(value)),
  );
  return { path, ok: true, reason: `${got}, matches ${winner?.description ?? expected}`, ...at };
}

function explainOr(or: OrRule, object: JsonObject | undefined, branch: string | undefined): KeyExplanation[] {
  const label = (index: number) => `${branch === undefined ? '' : `${branch}.`}$or[${index}]`;
  const branches = or.branches.map((rule, index) => explainObjectRule(rule, object, label(index)));
  const matching = branches.findIndex((keys, index) => decides(keys, label(index)));
  const summary: KeyExplanation = {
    path: displayPath(or.path),
    ok: matching !== -1,
    reason: matching !== -1 ? `branch [${matching}] matches` : `none of the ${or.branches.length} branches matches`,
    ...(branch === undefined ? {} : { branch }),
  };
  return [summary, ...branches.flat()];
}
