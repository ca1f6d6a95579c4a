import type { AwsHttpResponse } from '@harbor/local-cloud-messaging';

/**
 * An error of the Lambda API in its REST-JSON shape: the type in `x-amzn-ErrorType` (what the SDK and the CLI turn
 * into the exception's name) and `{Type, message}` in the body, as Lambda answers:
 * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_Errors
 */
export function lambdaError(
  status: number,
  errorType: string,
  message: string,
  extra: Readonly<Record<string, string>> = {},
): AwsHttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': errorType },
    body: JSON.stringify({ Type: 'User', message, ...extra }),
  };
}
