import type {
  AwsHttpRequest,
  AwsHttpResponse,
  AwsServiceEndpoint,
  DeliveryRequest,
} from '@harbor/local-cloud-messaging';
import type { Invoker, InvokeOutcome, LambdaFunctionSpec } from '@harbor/local-cloud-lambda';
import { randomUUID } from 'node:crypto';
import { decodePathSegment } from '../http/path-segment';
import { findFunction, type LambdaLocation } from './function-reference';
import { lambdaError } from './lambda-errors';
import { logResult } from './log-result';

// Lambda's Invoke (REST-JSON): https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const INVOCATION_TYPES = new Set(['RequestResponse', 'Event', 'DryRun']);
// The payload quotas: 6 MB for a synchronous invocation, 1 MB for an asynchronous one.
// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
const SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
const ASYNC_PAYLOAD_LIMIT = 1024 * 1024;

export interface LambdaInvokeEndpointOptions extends LambdaLocation {
  /** The declared functions (their physical names are what callers name). */
  readonly functions: () => readonly LambdaFunctionSpec[];
  /** The runtime behind the fault injector, as every other caller invokes. */
  readonly invoker: Invoker;
  /** Lambda's async queue: an `Event` invocation is retried on function errors as SNS and EventBridge ones are. */
  readonly deliver: (request: DeliveryRequest) => void;
  /** The correlation id of the invocation that sent this X-Amzn-Trace-Id, when a function invokes another. */
  readonly callerCorrelationId: (traceHeader: string | undefined) => string | undefined;
}

/** The payload as the function receives it: `{}` when none is sent, as Lambda does; undefined when it is not JSON. */
function parsePayload(body: Buffer): { ok: true; event: unknown } | { ok: false; message: string } {
  const text = body.toString('utf8');
  if (text.trim().length === 0) return { ok: true, event: {} };
  try {
    return { ok: true, event: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      message: `Could not parse request body into json: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** What a synchronous invocation answers: the result, or the function's error with X-Amz-Function-Error; its log tail when asked. */
function synchronousAnswer(outcome: InvokeOutcome, tail: { memoryMb: number } | undefined): AwsHttpResponse {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': outcome.requestId,
    'x-amz-executed-version': '$LATEST',
  };
  if (tail) headers['x-amz-log-result'] = logResult(outcome, tail.memoryMb);
  if (outcome.ok) return { status: 200, headers, body: JSON.stringify(outcome.result) ?? 'null' };
  const { errorType, errorMessage, trace } = outcome.error;
  // Throttling is the Lambda service refusing the call, not a function error: the Invoke API's 429.
  if (errorType === 'TooManyRequestsException')
    return lambdaError(429, errorType, errorMessage, { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
  return {
    status: 200,
    headers: { ...headers, 'x-amz-function-error': 'Unhandled' },
    body: JSON.stringify({ errorType, errorMessage, ...(trace ? { trace } : {}) }),
  };
}

/**
 * Lambda's Invoke on the AWS endpoint, for the declared functions: RequestResponse waits for the result (with
 * `X-Amz-Log-Type: Tail`, the last 4 KB of its log in X-Amz-Log-Result), Event queues the invocation (202) with
 * Lambda's async retries, DryRun only checks the call (204).
 */
export function lambdaInvokeEndpoint(options: LambdaInvokeEndpointOptions): AwsServiceEndpoint {
  return {
    canHandle: (request) => request.method === 'POST' && INVOKE_PATH.test(request.path),
    async handle(request: AwsHttpRequest & { readonly url?: string }): Promise<AwsHttpResponse> {
      const segment = INVOKE_PATH.exec(request.path)?.[1] ?? '';
      const reference = decodePathSegment(segment);
      if (reference === undefined)
        return lambdaError(
          400,
          'ValidationException',
          `The function name in ${request.path} is not percent-encoded UTF-8.`,
        );
      const invocationType = request.headers['x-amz-invocation-type'] ?? 'RequestResponse';
      if (!INVOCATION_TYPES.has(invocationType)) {
        return lambdaError(
          400,
          'ValidationException',
          `1 validation error detected: Value '${invocationType}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
        );
      }
      const query = new URLSearchParams(request.url?.split('?')[1] ?? '');
      const found = findFunction(reference, query.get('Qualifier') ?? undefined, options.functions(), options);
      if (!found.ok) return lambdaError(found.status, found.errorType, found.message);

      const limit = invocationType === 'Event' ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
      if (request.body.length > limit) {
        return lambdaError(
          413,
          'RequestTooLargeException',
          `Request must be smaller than ${limit} bytes for the ${invocationType === 'Event' ? 'asynchronous' : 'synchronous'} Invoke operation`,
        );
      }
      const payload = parsePayload(request.body);
      if (!payload.ok) return lambdaError(400, 'InvalidRequestContentException', payload.message);
      if (invocationType === 'DryRun') return { status: 204, headers: { 'x-amzn-requestid': randomUUID() }, body: '' };

      const functionId = found.spec.id;
      const correlationId = options.callerCorrelationId(request.headers['x-amzn-trace-id']);
      if (invocationType === 'Event') {
        const requestId = randomUUID();
        options.deliver({
          target: {
            service: 'lambda',
            name: found.spec.name,
            functionId,
            deadLetterQueue: undefined,
            serviceRetry: { kind: 'none' },
          },
          origin: found.arn,
          messageId: requestId,
          correlationId: correlationId ?? requestId,
          event: payload.event,
        });
        return { status: 202, headers: { 'x-amzn-requestid': requestId }, body: '' };
      }
      const tail = request.headers['x-amz-log-type'] === 'Tail';
      const outcome = await options.invoker.invoke({
        functionId,
        event: payload.event,
        invocationType: 'RequestResponse',
        ...(correlationId ? { correlationId } : {}),
        ...(tail ? { logType: 'Tail' as const } : {}),
      });
      return synchronousAnswer(outcome, tail ? { memoryMb: found.spec.memoryMb } : undefined);
    },
  };
}
