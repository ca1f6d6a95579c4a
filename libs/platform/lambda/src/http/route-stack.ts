import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { MiddyfiedHandler } from '@middy/core';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { bodySizeGuard } from '../middleware/body-size-guard.middleware';
import type { HttpEvent } from '../middleware/http-middleware.types';
import { jsonBody } from '../middleware/json-body.middleware';
import { problemErrorHandler } from '../middleware/problem-error-handler.middleware';
import { requestValidation } from '../middleware/request-validation.middleware';
import type { Observability } from '../observability/observability';
import type { HttpResult } from './http-handler.types';
import { requestState } from './http-request-state';
import { publishMetrics } from '../middleware/publish-metrics.middleware';
import { traceHandler } from '../middleware/trace-handler.middleware';

/** What both API Gateway route stacks (REST v1 and HTTP API v2) take to parse and validate a request. */
export interface RouteParsing {
  readonly bodySchema?: z.ZodType | undefined;
  readonly querySchema?: z.ZodType | undefined;
  readonly pathSchema?: z.ZodType | undefined;
  readonly maxBodyBytes?: number | undefined;
}

type RouteStack<E extends HttpEvent> = MiddyfiedHandler<E, APIGatewayProxyResult>;

/**
 * Powertools logger, tracer, metrics with cold starts, RFC 9457 errors. The correlation id is the
 * correlation-id middleware's to set (after header normalisation, validated): a JMESPath `correlationIdPath`
 * here would search the event on every invocation only to be overwritten.
 */
export function useObservability<E extends HttpEvent>(
  stack: RouteStack<E>,
  observability: Observability,
): RouteStack<E> {
  const { logger, metrics } = observability;
  return stack
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(traceHandler(observability))
    .use(publishMetrics(metrics))
    .use(problemErrorHandler({ logger }));
}

/** Body size, JSON body (only when a body schema is set) and schema validation, in that order. */
export function useRequestParsing<E extends HttpEvent>(stack: RouteStack<E>, parsing: RouteParsing): RouteStack<E> {
  stack.use(bodySizeGuard(parsing.maxBodyBytes === undefined ? {} : { maxBodyBytes: parsing.maxBodyBytes }));
  if (parsing.bodySchema) stack.use(jsonBody());
  return stack.use(
    requestValidation({
      bodySchema: parsing.bodySchema,
      querySchema: parsing.querySchema,
      pathSchema: parsing.pathSchema,
    }),
  );
}

/**
 * The innermost handler: hands the route function what the middleware established (typed by the caller of this
 * function, hence `I`) and serialises its result.
 */
export function routeRunner<E extends HttpEvent, I>(
  observability: Observability,
  fn: (input: I) => Promise<HttpResult>,
) {
  const { logger, metrics } = observability;
  return async function runRoute(event: E, context: Context): Promise<APIGatewayProxyResult> {
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
    } as I; // the middleware established these types at run time
    return toProxyResult(await fn(input));
  };
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
