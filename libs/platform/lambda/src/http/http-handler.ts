import middy, { type MiddyfiedHandler } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import { cognitoCaller } from '../middleware/cognito-caller.middleware';
import { correlationId } from '../middleware/correlation-id.middleware';
import { idempotency } from '../middleware/idempotency.middleware';
import type { AuthMode, HttpHandlerInput, HttpHandlerOptions, HttpRouteFunction } from './http-handler.types';
import { routeRunner, useObservability, useRequestParsing } from './route-stack';

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
  const handler = useObservability(middy<APIGatewayProxyEvent, APIGatewayProxyResult>(), options.observability)
    .use(httpHeaderNormalizer())
    .use(correlationId({ logger: options.observability.logger }))
    .use(cognitoCaller({ required: (options.auth ?? 'cognito') === 'cognito' }));
  useRequestParsing(handler, options);
  if (options.idempotency) handler.use(idempotency(options.idempotency === true ? {} : options.idempotency));
  return handler.handler(routeRunner<APIGatewayProxyEvent, HttpHandlerInput<B, Q, P, A>>(options.observability, fn));
}
