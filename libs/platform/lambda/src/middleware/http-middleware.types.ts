import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResult } from 'aws-lambda';

/** The events of HTTP routes: API Gateway REST (v1 proxy) and HTTP API (payload 2.0, JWT authorizer). */
export type HttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * The shape of every HTTP middleware in this library: an HTTP event in, a proxy result out (a payload 2.0
 * route answers the same statusCode/headers/body object). Middleware that read only what both payload formats
 * carry take either; the rest name the event they need.
 */
export type HttpMiddleware<E extends HttpEvent = HttpEvent> = MiddlewareObj<E, APIGatewayProxyResult>;
export type HttpRequest<E extends HttpEvent = HttpEvent> = Request<E, APIGatewayProxyResult>;
