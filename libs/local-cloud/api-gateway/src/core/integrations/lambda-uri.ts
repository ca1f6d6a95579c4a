/**
 * The function an integration or authorizer URI names. After placeholder resolution a URI is either a local
 * function id (`orders.placeOrder`), a Lambda function ARN, or API Gateway's invocation URI wrapping one
 * (`arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations`).
 */
const INVOCATION_URI = /^arn:aws[a-z-]*:apigateway:[^:]+:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/;
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[^:]+:[^:]+:function:([^:]+)(?::[^:]+)?$/;

export const functionIdFromUri = (uri: string): string => {
  const wrapped = INVOCATION_URI.exec(uri);
  const arn = wrapped ? wrapped[1] : uri;
  const functionArn = FUNCTION_ARN.exec(arn);
  return functionArn ? functionArn[1] : arn;
};
