import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddyfiedHandler } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { bodySizeGuard } from '../middleware/body-size-guard.middleware';
import { cognitoCaller } from '../middleware/cognito-caller.middleware';
import { correlationId } from '../middleware/correlation-id.middleware';
import { idempotency } from '../middleware/idempotency.middleware';
import { jsonBody } from '../middleware/json-body.middleware';
import { problemErrorHandler } from '../middleware/problem-error-handler.middleware';
import { requestValidation } from '../middleware/request-validation.middleware';
import { requestState } from './http-request-state';
import type { AuthMode, HttpHandlerInput, HttpHandlerOptions, HttpResult, HttpRouteFunction } from './http-handler.types';

// Before header normalisation, so try the spellings clients use; the correlation-id middleware then settles it.
const CORRELATION_ID_PATH =
  'headers."x-correlation-id" || headers."X-Correlation-Id" || headers."X-Correlation-ID" || requestContext.requestId';

export type HttpHandler = MiddyfiedHandler<APIGatewayProxyEvent, APIGatewayProxyResult>;

/**
 * The Middy stack of every API Gateway REST (v1 proxy) route, in design order: Powertools logger (correlation
 * id), tracer, metrics (cold start), header normalisation, caller, body size, JSON body, schema validation,
 * idempotency, and one error handler answering RFC 9457 problems.
 */
export function httpHandler<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  A extends AuthMode = 'cognito',
>(options: HttpHandlerOptions<B, Q, P, A>, fn: HttpRouteFunction<B, Q, P, A>): HttpHandler {
  const { logger, tracer, metrics } = options.observability;

  const handler = middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { correlationIdPath: CORRELATION_ID_PATH, resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(problemErrorHandler({ logger }))
    .use(httpHeaderNormalizer())
    .use(correlationId({ logger }))
    .use(cognitoCaller({ required: (options.auth ?? 'cognito') === 'cognito' }))
    .use(bodySizeGuard(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }));
  if (options.bodySchema) handler.use(jsonBody());
  handler.use(requestValidation({ bodySchema: options.bodySchema, querySchema: options.querySchema, pathSchema: options.pathSchema }));
  if (options.idempotency) handler.use(idempotency(options.idempotency === true ? {} : options.idempotency));

  return handler.handler(async function runRoute(event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> {
    const state = requestState(event);
    const input = {
      event,
      context,
      body: state.body,
      query: state.query,
      path: state.path,
      caller: state.caller,
      correlationId: state.correlationId ?? context.awsRequestId,
      logger,
      metrics,
    } as HttpHandlerInput<B, Q, P, A>; // the middleware above established these types at run time
    return toProxyResult(await fn(input));
  });
}

/** The route result as a proxy response: `body` serialised as JSON, or empty. */
export function toProxyResult(result: HttpResult): APIGatewayProxyResult {
  if (result.body === undefined) return { statusCode: result.statusCode, headers: { ...result.headers }, body: '' };
  return {
    statusCode: result.statusCode,
    headers: { ...result.headers, 'content-type': 'application/json' },
    body: JSON.stringify(result.body),
  };
}
