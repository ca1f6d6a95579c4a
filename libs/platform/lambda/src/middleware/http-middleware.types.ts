import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** The shape of every HTTP middleware in this library: API Gateway REST (v1 proxy) in, proxy result out. */
export type HttpMiddleware = MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult>;
export type HttpRequest = Request<APIGatewayProxyEvent, APIGatewayProxyResult>;
