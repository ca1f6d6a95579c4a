/** A Lambda authorizer's answer, checked: principal, policy, context of primitives. */
export interface AuthorizerResult {
  readonly principalId: string;
  readonly policyDocument: unknown;
  readonly context: Readonly<Record<string, string | number | boolean>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `undefined` when API Gateway would reject the output (an authorizer configuration error, 500). */
export const parseAuthorizerResult = (result: unknown): AuthorizerResult | undefined => {
  if (!isRecord(result) || !isRecord(result['policyDocument'])) return undefined;
  const principal = result['principalId'];
  if (typeof principal !== 'string' && typeof principal !== 'number') return undefined;
  const context: Record<string, string | number | boolean> = {};
  if (result['context'] !== undefined && result['context'] !== null) {
    if (!isRecord(result['context'])) return undefined;
    for (const [key, value] of Object.entries(result['context'])) {
      // Only strings, numbers and booleans may travel in the context.
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
      context[key] = value;
    }
  }
  return { principalId: String(principal), policyDocument: result['policyDocument'], context };
};
