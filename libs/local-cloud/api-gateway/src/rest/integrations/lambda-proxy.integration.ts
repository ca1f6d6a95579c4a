import { functionIdFromUri, withTimeout, type GatewayResponse } from '../../core';
import type { Invoker } from '@harbor/local-cloud-lambda';
import type { RequestState } from '../pipeline/request-state';
import type { BinaryMediaTypes } from './binary-media-types';
import { integrationTimeout, internalServerError, type Integration, type IntegrationResult } from './integration';
import { buildProxyEvent } from './proxy-event';
import { mergeProxyHeaders, parseProxyResult, type ProxyResult } from './proxy-response';
import type { StageVariableTemplate } from './stage-variable-template';

export interface LambdaProxySpec {
  readonly uri: StageVariableTemplate;
  readonly timeoutMs: number;
  readonly invoker: Invoker;
  readonly binaryMediaTypes: BinaryMediaTypes;
}

const toResponse = (result: ProxyResult, state: RequestState, binaryMediaTypes: BinaryMediaTypes): GatewayResponse => {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  const merged = mergeProxyHeaders(result);
  for (const { name, values } of merged.values()) {
    if (values.length === 1) headers[name] = values[0];
    else multiValueHeaders[name] = values;
  }
  if (!merged.has('content-type')) headers['Content-Type'] = 'application/json';
  headers['x-amzn-RequestId'] = state.init.requestId;
  headers['x-amz-apigw-id'] = state.init.extendedRequestId;
  // A base64 body becomes binary only when the client accepts a binary media type; otherwise the text goes back.
  const decode = result.isBase64Encoded && binaryMediaTypes.matchesAccept(state.init.headers.get('accept'));
  const body = decode ? Buffer.from(result.body, 'base64') : result.body;
  return Object.keys(multiValueHeaders).length > 0
    ? { status: result.statusCode, headers, multiValueHeaders, body }
    : { status: result.statusCode, headers, body };
};

/**
 * `aws_proxy`: invokes the function with the v1 proxy event and maps its result. A function error or malformed
 * result answers 502, an invocation the runtime refuses or Lambda throttles 500, and no answer within the integration timeout 504
 * `Endpoint request timed out`, as API Gateway does.
 */
/** The Invoke API's 429 (Lambda's throttle, not the function's error): API Gateway answers it with a 500. */
const LAMBDA_THROTTLED = 'TooManyRequestsException';

export const lambdaProxyIntegration = ({ uri, timeoutMs, invoker, binaryMediaTypes }: LambdaProxySpec): Integration => {
  const staticFunctionId = uri.names.length === 0 ? functionIdFromUri(uri.render({})) : undefined;
  return {
    type: 'aws_proxy',
    target:
      staticFunctionId ?? uri.render(Object.fromEntries(uri.names.map((name) => [name, `\${stageVariables.${name}}`]))),
    async invoke(state: RequestState): Promise<IntegrationResult> {
      const functionId = staticFunctionId ?? functionIdFromUri(uri.render(state.init.stage.variables));
      const event = buildProxyEvent(state, binaryMediaTypes);
      let outcome;
      try {
        outcome = await withTimeout(
          invoker.invoke({
            functionId,
            event,
            correlationId: state.init.correlationId,
            invocationType: 'RequestResponse',
          }),
          timeoutMs,
        );
      } catch {
        return { error: internalServerError(500) };
      }
      if (outcome === undefined) return { error: integrationTimeout() };
      if (!outcome.ok) return { error: internalServerError(outcome.error.errorType === LAMBDA_THROTTLED ? 500 : 502) };
      const result = parseProxyResult(outcome.result);
      if (!result) return { error: internalServerError(502) };
      return { response: toResponse(result, state, binaryMediaTypes) };
    },
  };
};
