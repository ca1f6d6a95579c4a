import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Observability } from '../observability/observability';
import { traceHandler } from '../middleware/trace-handler.middleware';
import { DomainError } from '@harbor/shared-kernel';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { APIGatewayProxyWebsocketEventV2, Context } from 'aws-lambda';

/** A WebSocket route event with what the `$connect` authorizer returned (its context values, as strings). */
export type AuthorizedWebSocketEvent = APIGatewayProxyWebsocketEventV2 & {
  readonly requestContext: APIGatewayProxyWebsocketEventV2['requestContext'] & {
    readonly authorizer?: Readonly<Record<string, unknown>>;
  };
};

export interface WebSocketRouteResult {
  readonly statusCode: number;
}

export interface WebSocketRouteInput {
  readonly event: AuthorizedWebSocketEvent;
  readonly connectionId: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * The Middy stack of a WebSocket route: the Powertools middleware every handler uses; a DomainError the client
 * caused answers its 4xx (on `$connect` that refuses the handshake), anything else is logged and thrown, which
 * API Gateway answers 500 without detail.
 */
export function webSocketRouteHandler(
  observability: Observability,
  fn: (input: WebSocketRouteInput) => Promise<WebSocketRouteResult>,
): MiddyfiedHandler<AuthorizedWebSocketEvent, WebSocketRouteResult> {
  const { logger, metrics } = observability;
  return middy<AuthorizedWebSocketEvent, WebSocketRouteResult>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }))
    .use(traceHandler(observability))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async function runRoute(
      event: AuthorizedWebSocketEvent,
      _context: Context,
    ): Promise<WebSocketRouteResult> {
      const { connectionId, routeKey } = event.requestContext;
      try {
        return await fn({ event, connectionId, logger, metrics });
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid') {
          logger.warn('WebSocket route refused', { routeKey, connectionId, code: error.code, reason: error.message });
          return { statusCode: 400 };
        }
        logger.error({ message: 'WebSocket route failed', routeKey, connectionId }, error as Error);
        throw error;
      }
    });
}
