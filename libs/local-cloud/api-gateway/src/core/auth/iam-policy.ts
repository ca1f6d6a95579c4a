import { isRecord } from '../definition/json-values';

export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

const globCache = new Map<string, RegExp>();

/** IAM wildcards: `*` any run of characters, `?` one character. */
const glob = (pattern: string, caseInsensitive: boolean): RegExp => {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let regex = globCache.get(key);
  if (!regex) {
    regex = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      caseInsensitive ? 'i' : '',
    );
    if (globCache.size < 5000) globCache.set(key, regex);
  }
  return regex;
};

const asList = (value: unknown): unknown[] | undefined =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;

/**
 * Evaluates a Lambda authorizer's policy for `execute-api:Invoke` on the method ARN as IAM does: an explicit
 * Deny wins, then an Allow, else an implicit deny. `undefined` means the policy is malformed or uses what is
 * not emulated (NotAction, NotResource, Condition), which API Gateway would also refuse to guess at.
 */
export const evaluatePolicy = (policy: unknown, methodArn: string): PolicyDecision | undefined => {
  if (!isRecord(policy)) return undefined;
  const statements = Array.isArray(policy['Statement'])
    ? policy['Statement']
    : isRecord(policy['Statement'])
      ? [policy['Statement']]
      : undefined;
  if (!statements) return undefined;
  let allowed = false;
  for (const statement of statements) {
    if (!isRecord(statement) || 'NotAction' in statement || 'NotResource' in statement || 'Condition' in statement)
      return undefined;
    const actions = asList(statement['Action']);
    const resources = asList(statement['Resource']);
    const effect = statement['Effect'];
    if (!actions || !resources || (effect !== 'Allow' && effect !== 'Deny')) return undefined;
    const actionMatches = actions.some(
      (action) => typeof action === 'string' && glob(action, true).test('execute-api:Invoke'),
    );
    const resourceMatches = resources.some(
      (resource) => typeof resource === 'string' && glob(resource, false).test(methodArn),
    );
    if (!actionMatches || !resourceMatches) continue;
    if (effect === 'Deny') return 'explicit-deny';
    allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
};
