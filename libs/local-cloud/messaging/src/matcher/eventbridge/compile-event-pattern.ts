import { compileObjectRule, reportingProblemsAs } from '../compile/compile-rule';
import { fail } from '../compile/pattern-problem';
import { readPatternSource } from '../compile/pattern-source';
import { InvalidPatternError } from '../errors';
import { evaluateObjectRule } from '../evaluate/evaluate-rule';
import { isJsonObject } from '../model/json';
import { ROOT_PATH } from '../model/key-path';
import { rulePaths } from '../model/rule-tree';
import { type CompiledMatcher, notMatched, refusedExplanation } from '../match-result';
import { explainObjectRule } from '../evaluate/explain-rule';
import { EVENTBRIDGE_DIALECT } from './eventbridge.dialect';

export interface EventPatternOptions {
  /**
   * EventBridge's "Event pattern size" quota: 2048 characters by default, raisable to 4096 on request.
   * Pass the raised value when the account has it.
   */
  readonly maxPatternLength?: number;
}

export const DEFAULT_EVENT_PATTERN_LENGTH = 2048;

/**
 * Validates an event pattern the way PutRule does and returns a matcher for full events (`source`,
 * `detail-type`, `detail`, ...). Accepts the pattern as JSON text or as a parsed object.
 */
export function compileEventPattern(pattern: unknown, options: EventPatternOptions = {}): CompiledMatcher {
  const maxLength = options.maxPatternLength ?? DEFAULT_EVENT_PATTERN_LENGTH;
  const rule = reportingProblemsAs(
    () => {
      const source = readPatternSource(pattern);
      if (source.length > maxLength) {
        fail(
          ROOT_PATH,
          `the pattern is ${source.length} characters; the "Event pattern size" quota allows ${maxLength}`,
        );
      }
      return compileObjectRule(source.value, EVENTBRIDGE_DIALECT);
    },
    (details) => new InvalidPatternError(details),
  );
  const match = (event: unknown) =>
    isJsonObject(event)
      ? evaluateObjectRule(rule, event)
      : notMatched(ROOT_PATH, 'an EventBridge event is a JSON object');
  return {
    service: 'eventbridge',
    keys: rulePaths(rule),
    match,
    explain: (event) =>
      isJsonObject(event)
        ? { matches: match(event).matched, explanation: explainObjectRule(rule, event) }
        : refusedExplanation(match(event)),
  };
}
