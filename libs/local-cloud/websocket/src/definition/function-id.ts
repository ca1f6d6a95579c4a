/**
 * The function a declaration names: a local function id (`notifications.onConnect`), a Lambda function ARN, or
 * API Gateway's invocation URI wrapping one (what Terraform's `invoke_arn` is).
 */
const INVOCATION_URI = /^arn:aws[a-z-]*:apigateway:[^:]+:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/;
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[^:]+:[^:]+:function:([^:]+)(?::[^:]+)?$/;

export const functionIdFromUri = (uri: string): string => {
  const wrapped = INVOCATION_URI.exec(uri);
  const arn = wrapped ? wrapped[1] : uri;
  return FUNCTION_ARN.exec(arn)?.[1] ?? arn;
};
