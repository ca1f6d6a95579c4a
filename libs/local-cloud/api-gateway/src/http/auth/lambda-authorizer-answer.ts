import { isRecord } from '../../core';

/** A Lambda authorizer's answer, checked, in the response format its authorizer declares. */
export type LambdaAuthorizerAnswer =
  | { readonly format: 'simple'; readonly isAuthorized: boolean; readonly context: Record<string, unknown> }
  | {
      readonly format: 'iam';
      readonly principalId: string;
      readonly policyDocument: unknown;
      readonly context: Record<string, unknown>;
    };

// HTTP APIs pass the context on as the function returned it (strings, numbers, booleans, lists, maps).
const contextOf = (value: unknown): Record<string, unknown> | undefined =>
  value === undefined || value === null ? {} : isRecord(value) ? { ...value } : undefined;

/**
 * The simple response (`enableSimpleResponses`, payload 2.0 only): `{ isAuthorized, context }`, per
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html. `undefined` when
 * it is not one, which API Gateway answers with a 500.
 */
export const parseSimpleAnswer = (result: unknown): LambdaAuthorizerAnswer | undefined => {
  if (!isRecord(result) || typeof result['isAuthorized'] !== 'boolean') return undefined;
  const context = contextOf(result['context']);
  return context ? { format: 'simple', isAuthorized: result['isAuthorized'], context } : undefined;
};

/** The IAM policy response (`principalId`, `policyDocument`, `context`): payload 1.0, or 2.0 without simple ones. */
export const parseIamAnswer = (result: unknown): LambdaAuthorizerAnswer | undefined => {
  if (!isRecord(result) || !isRecord(result['policyDocument'])) return undefined;
  const principal = result['principalId'];
  if (typeof principal !== 'string' && typeof principal !== 'number') return undefined;
  const context = contextOf(result['context']);
  if (!context) return undefined;
  return { format: 'iam', principalId: String(principal), policyDocument: result['policyDocument'], context };
};
