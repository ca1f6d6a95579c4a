import type { OperatorParser } from '../compile/operator-parser';
import { fail } from '../compile/pattern-problem';
import { showJson } from '../model/json';
import { parseWildcard, type WildcardToken, wildcardMatches } from '../values/wildcard-pattern';

/** `{"wildcard": "Simple*Service"}` (EventBridge): `*` stands for any run of characters. Strings only. */
export const parseWildcardOperator: OperatorParser = (operand, path) => {
  const tokens = wildcardTokens(operand, path, 'wildcard');
  return {
    description: `wildcard ${showJson(operand)}`,
    matches: (value) => typeof value === 'string' && wildcardMatches(tokens, value),
  };
};

export function wildcardTokens(operand: unknown, path: string, operator: string): readonly WildcardToken[] {
  if (typeof operand !== 'string') {
    fail(path, `"${operator}" needs a string, not ${showJson(operand)}`, 'wildcard match pattern must be a string');
  }
  const parsed = parseWildcard(operand);
  if ('problem' in parsed) fail(path, parsed.problem, parsed.awsReason);
  return parsed.tokens;
}
