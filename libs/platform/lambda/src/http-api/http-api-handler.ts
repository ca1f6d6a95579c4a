import middy, { type MiddyfiedHandler } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import { routeRunner, useObservability, useRequestParsing } from '../http/route-stack';
import { correlationId } from '../middleware/correlation-id.middleware';
import { jwtCaller } from '../middleware/jwt-caller.middleware';
import type {
  HttpApiHandlerInput,
  HttpApiHandlerOptions,
  HttpApiRouteFunction,
  JwtAuthMode,
} from './http-api-handler.types';

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
  const handler = useObservability(
    middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResult>(),
    options.observability,
  )
    .use(correlationId({ logger: options.observability.logger }))
    .use(
      jwtCaller({ required: (options.auth ?? 'jwt') === 'jwt', ...(options.access ? { access: options.access } : {}) }),
    );
  useRequestParsing(handler, options);
  return handler.handler(
    routeRunner<APIGatewayProxyEventV2WithJWTAuthorizer, HttpApiHandlerInput<B, Q, P, A>>(options.observability, fn),
  );
}
