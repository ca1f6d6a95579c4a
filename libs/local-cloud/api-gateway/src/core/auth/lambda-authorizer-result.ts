import { isRecord } from '../definition/json-values';

/** A Lambda authorizer's answer, checked: principal, policy, context of primitives, optional usage key. */
export interface LambdaAuthorizerResult {
  readonly principalId: string;
  readonly policyDocument: unknown;
  readonly context: Readonly<Record<string, string>>;
  readonly usageIdentifierKey?: string;
}

/** `undefined` when API Gateway would reject the output (AUTHORIZER_CONFIGURATION_ERROR). */
export const parseAuthorizerResult = (result: unknown): LambdaAuthorizerResult | undefined => {
  if (!isRecord(result) || !isRecord(result['policyDocument'])) return undefined;
  const principal = result['principalId'];
  if (typeof principal !== 'string' && typeof principal !== 'number') return undefined;
  const context: Record<string, string> = {};
  if (result['context'] !== undefined && result['context'] !== null) {
    if (!isRecord(result['context'])) return undefined;
    for (const [key, value] of Object.entries(result['context'])) {
      // Only strings, numbers and booleans may travel in the context; API Gateway passes them on as strings.
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
      context[key] = String(value);
    }
  }
  const usageIdentifierKey =
    typeof result['usageIdentifierKey'] === 'string' ? result['usageIdentifierKey'] : undefined;
  return {
    principalId: String(principal),
    policyDocument: result['policyDocument'],
    context,
    ...(usageIdentifierKey ? { usageIdentifierKey } : {}),
  };
};
