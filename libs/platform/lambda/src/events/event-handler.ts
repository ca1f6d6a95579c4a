import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { eventDetailValidation } from '../middleware/event-detail-validation.middleware';
import { eventFailureLogger } from '../middleware/event-failure-logger.middleware';
import type { Observability } from '../observability/observability';
import { validatedDetail, type AnyEventBridgeEvent } from './event-request-state';
import { publishMetrics } from '../middleware/publish-metrics.middleware';
import { traceHandler } from '../middleware/trace-handler.middleware';

export interface EventHandlerOptions<D extends z.ZodType> {
  readonly observability: Observability;
  /** The contract of `detail` (a Harbor event: eventId, occurredAt, correlationId, causationId, payload). */
  readonly detailSchema: D;
}

export interface EventHandlerInput<D extends z.ZodType> {
  readonly event: AnyEventBridgeEvent;
  readonly context: Context;
  readonly detail: z.output<D>;
  /** `detail.correlationId` when the event carries one, else the EventBridge event id. */
  readonly correlationId: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type EventHandler = MiddyfiedHandler<AnyEventBridgeEvent, void>;

/**
 * The Middy stack of an EventBridge consumer: the same Powertools middleware as HTTP routes, then `detail`
 * validation. Any error (an invalid detail included) is logged and thrown, so EventBridge retries and
 * finally dead-letters the event.
 */
export function eventHandler<D extends z.ZodType>(
  options: EventHandlerOptions<D>,
  fn: (input: EventHandlerInput<D>) => Promise<void>,
): EventHandler {
  const { logger, metrics } = options.observability;
  return middy<AnyEventBridgeEvent, void>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'detail.correlationId || id', resetKeys: true }))
    .use(traceHandler(options.observability))
    .use(publishMetrics(metrics))
    .use(eventFailureLogger({ logger }))
    .use(eventDetailValidation({ detailSchema: options.detailSchema }))
    .handler(async function runConsumer(event: AnyEventBridgeEvent, context: Context): Promise<void> {
      const detail = validatedDetail(event) as z.output<D>; // set by eventDetailValidation
      const fromDetail: unknown = (event.detail as { correlationId?: unknown } | null)?.correlationId;
      const correlationId = typeof fromDetail === 'string' && fromDetail !== '' ? fromDetail : event.id;
      await fn({ event, context, detail, correlationId, logger, metrics });
    });
}
