export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] | undefined => (typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined);

/** IAM wildcards: `*` any run of characters, `?` one character. */
const glob = (pattern: string, flags: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, flags);

/**
 * Evaluates a Lambda authorizer's policy for `execute-api:Invoke` on the route ARN as IAM does: an explicit Deny
 * wins, then an Allow, else an implicit deny. `undefined` means malformed or using what is not emulated
 * (NotAction, NotResource, Condition). Same rules as the REST gateway's evaluator, which is not exported.
 */
export const evaluatePolicy = (policy: unknown, resourceArn: string): PolicyDecision | undefined => {
  if (!isRecord(policy)) return undefined;
  const statements = Array.isArray(policy['Statement']) ? policy['Statement'] : isRecord(policy['Statement']) ? [policy['Statement']] : undefined;
  if (!statements) return undefined;
  let allowed = false;
  for (const statement of statements) {
    if (!isRecord(statement) || 'NotAction' in statement || 'NotResource' in statement || 'Condition' in statement) return undefined;
    const actions = asList(statement['Action']);
    const resources = asList(statement['Resource']);
    const effect = statement['Effect'];
    if (!actions || !resources || (effect !== 'Allow' && effect !== 'Deny')) return undefined;
    const actionMatches = actions.some((action) => typeof action === 'string' && glob(action, 'i').test('execute-api:Invoke'));
    const resourceMatches = resources.some((resource) => typeof resource === 'string' && glob(resource, '').test(resourceArn));
    if (!actionMatches || !resourceMatches) continue;
    if (effect === 'Deny') return 'explicit-deny';
    allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
};
