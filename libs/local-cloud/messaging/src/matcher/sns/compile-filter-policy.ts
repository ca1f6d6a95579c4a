import { compileObjectRule, reportingProblemsAs } from '../compile/compile-rule';
import { fail } from '../compile/pattern-problem';
import { readPatternSource } from '../compile/pattern-source';
import { InvalidFilterPolicyError } from '../errors';
import { evaluateObjectRule } from '../evaluate/evaluate-rule';
import { isJsonObject, showJson } from '../model/json';
import { ROOT_PATH } from '../model/key-path';
import { type ObjectRule, rulePaths } from '../model/rule-tree';
import {
  type CompiledMatcher,
  MATCHED,
  type MatchExplanation,
  type MatchResult,
  notMatched,
  refusedExplanation,
} from '../match-result';
import { explainObjectRule } from '../evaluate/explain-rule';
import { checkFilterPolicyLimits } from './filter-policy-limits';
import { attributeDocument } from './message-attributes';
import { messageBodyDocument } from './message-body';
import { type FilterPolicyScope, snsDialect } from './sns.dialect';

const SCOPES: readonly string[] = ['MessageAttributes', 'MessageBody'];
const NO_ATTRIBUTES = 'the message has no attributes, and SNS matches no filter policy against an empty attribute set';

/**
 * Validates a filter policy as Subscribe and SetSubscriptionAttributes do, for the subscription's
 * FilterPolicyScope, and returns a matcher. With `MessageAttributes` the matcher takes the message
 * attributes map; with `MessageBody` it takes the published message string (or its parsed object).
 * An empty policy (`{}`) accepts every message, like a subscription without a policy.
 */
export function compileFilterPolicy(policy: unknown, scope: FilterPolicyScope = 'MessageAttributes'): CompiledMatcher {
  const rule = reportingProblemsAs(
    () => {
      if (!SCOPES.includes(scope)) {
        fail(
          'FilterPolicyScope',
          `${showJson(scope)} is not a scope; use MessageAttributes or MessageBody`,
          `FilterPolicyScope: Invalid value [${String(scope)}]. Please use either MessageBody or MessageAttributes`,
        );
      }
      const source = readPatternSource(policy);
      if (isJsonObject(source.value) && Object.keys(source.value).length === 0) return undefined;
      const dialect = snsDialect(scope);
      const compiled = compileObjectRule(source.value, dialect);
      checkFilterPolicyLimits(compiled, source.bytes, dialect);
      return compiled;
    },
    (details) => new InvalidFilterPolicyError(details),
  );
  return {
    service: 'sns',
    keys: rule === undefined ? [] : rulePaths(rule),
    match: (input) => (rule === undefined ? MATCHED : matchInScope(rule, scope, input)),
    explain: (input) => (rule === undefined ? { matches: true, explanation: [] } : explainInScope(rule, scope, input)),
  };
}

/** The document `matchInScope` matches, explained key by key; the verdict is `matchInScope`'s own. */
function explainInScope(rule: ObjectRule, scope: FilterPolicyScope, input: unknown): MatchExplanation {
  const verdict = matchInScope(rule, scope, input);
  if (!verdict.matched && verdict.reason === NO_ATTRIBUTES) return refusedExplanation(verdict);
  const document = scope === 'MessageBody' ? messageBodyDocument(input) : attributeDocument(input);
  const root = 'body' in document ? document.body : 'document' in document ? document.document : undefined;
  return root === undefined
    ? refusedExplanation(verdict)
    : { matches: verdict.matched, explanation: explainObjectRule(rule, root) };
}

function matchInScope(rule: ObjectRule, scope: FilterPolicyScope, input: unknown): MatchResult {
  if (scope === 'MessageBody') {
    const body = messageBodyDocument(input);
    return 'body' in body ? evaluateObjectRule(rule, body.body) : notMatched(ROOT_PATH, body.problem);
  }
  // "exists": false only matches if at least one attribute is present; an empty attribute set matches no filter
  // policy (https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html).
  const attributes = attributeDocument(input);
  if (!('document' in attributes)) return notMatched(attributes.name, attributes.problem);
  const verdict = evaluateObjectRule(rule, attributes.document);
  const noAttributes = isJsonObject(input) && Object.keys(input).length === 0;
  return verdict.matched && noAttributes ? notMatched(ROOT_PATH, NO_ATTRIBUTES) : verdict;
}
