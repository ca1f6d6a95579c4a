import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { toProxyResult } from '../http/http-handler';
import { requestState } from '../http/http-request-state';
import { bodySizeGuard } from '../middleware/body-size-guard.middleware';
import { correlationId } from '../middleware/correlation-id.middleware';
import { jsonBody } from '../middleware/json-body.middleware';
import { jwtCaller } from '../middleware/jwt-caller.middleware';
import { problemErrorHandler } from '../middleware/problem-error-handler.middleware';
import { requestValidation } from '../middleware/request-validation.middleware';
import type { HttpApiHandlerInput, HttpApiHandlerOptions, HttpApiRouteFunction, JwtAuthMode } from './http-api-handler.types';

// Payload 2.0 headers arrive in lower case already: no normalisation needed.
const CORRELATION_ID_PATH = 'headers."x-correlation-id" || requestContext.requestId';

/** A payload 2.0 route answers with the same statusCode/headers/body object as a REST proxy route. */
export type HttpApiHandler = MiddyfiedHandler<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResult>;

/**
 * The Middy stack of every API Gateway HTTP API (payload 2.0) route: `httpHandler`'s stack with the caller read
 * from the JWT authorizer (`requestContext.authorizer.jwt`) and checked against the route's scopes or groups.
 * Same order, same validation, same RFC 9457 problems.
 */
export function httpApiHandler<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  A extends JwtAuthMode = 'jwt',
>(options: HttpApiHandlerOptions<B, Q, P, A>, fn: HttpApiRouteFunction<B, Q, P, A>): HttpApiHandler {
  const { logger, tracer, metrics } = options.observability;

  const handler = middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { correlationIdPath: CORRELATION_ID_PATH, resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(problemErrorHandler({ logger }))
    .use(correlationId({ logger }))
    .use(jwtCaller({ required: (options.auth ?? 'jwt') === 'jwt', ...(options.access ? { access: options.access } : {}) }))
    .use(bodySizeGuard(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }));
  if (options.bodySchema) handler.use(jsonBody());
  handler.use(requestValidation({ bodySchema: options.bodySchema, querySchema: options.querySchema, pathSchema: options.pathSchema }));

  return handler.handler(async function runRoute(event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context): Promise<APIGatewayProxyResult> {
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
    } as HttpApiHandlerInput<B, Q, P, A>; // the middleware above established these types at run time
    return toProxyResult(await fn(input));
  });
}
