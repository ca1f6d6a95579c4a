import type { LambdaFunctionSpec } from '@harbor/local-cloud-lambda';

// FunctionName as Invoke takes it: a name, a partial ARN (`<account>:function:<name>`) or a full ARN, each with an
// optional `:<qualifier>`. The pattern is AWS's own: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
const FUNCTION_NAME =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?(?<region>[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(?<account>\d{12}:)?(function:)?(?<name>[a-zA-Z0-9-_.]+)(:(?<qualifier>\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;

export interface LambdaLocation {
  readonly region: string;
  readonly accountId: string;
}

export type FunctionLookup =
  | { readonly ok: true; readonly spec: LambdaFunctionSpec; readonly arn: string }
  | {
      readonly ok: false;
      readonly status: 400 | 404;
      readonly errorType: 'ValidationException' | 'ResourceNotFoundException';
      readonly message: string;
    };

/**
 * The function an Invoke names, looked up by its physical name (`harbor-<env>-<service>-<key>`, as Terraform names
 * it). Only `$LATEST` exists locally (no versions or aliases are published), and only in the local region and account:
 * anything else is not found, as AWS answers for a function that is not there.
 */
export function findFunction(
  reference: string,
  qualifierParameter: string | undefined,
  functions: readonly LambdaFunctionSpec[],
  where: LambdaLocation,
): FunctionLookup {
  const parsed = reference.length <= 256 ? FUNCTION_NAME.exec(reference)?.groups : undefined;
  if (!parsed || parsed['name'] === undefined) {
    return {
      ok: false,
      status: 400,
      errorType: 'ValidationException',
      message: `1 validation error detected: Value '${reference}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${FUNCTION_NAME.source}`,
    };
  }
  const name = parsed['name'];
  const region = parsed['region']?.slice(0, -1) ?? where.region;
  const accountId = parsed['account']?.slice(0, -1) ?? where.accountId;
  const qualifier = parsed['qualifier'] ?? qualifierParameter;
  const arn = `arn:aws:lambda:${region}:${accountId}:function:${name}`;
  if (
    parsed['qualifier'] !== undefined &&
    qualifierParameter !== undefined &&
    parsed['qualifier'] !== qualifierParameter
  ) {
    return {
      ok: false,
      status: 400,
      errorType: 'ValidationException',
      message: 'The derived qualifier from the function name does not match the specified qualifier.',
    };
  }
  const spec =
    region === where.region && accountId === where.accountId
      ? functions.find((candidate) => candidate.name === name)
      : undefined;
  if (!spec || (qualifier !== undefined && qualifier !== '$LATEST')) {
    return {
      ok: false,
      status: 404,
      errorType: 'ResourceNotFoundException',
      message: `Function not found: ${arn}${qualifier === undefined ? '' : `:${qualifier}`}`,
    };
  }
  return { ok: true, spec, arn };
}
