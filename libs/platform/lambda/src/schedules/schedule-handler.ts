import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { toFieldErrors } from '@harbor/contracts';
import { InvalidEventError } from '../events/invalid-event.error';
import { publishMetrics } from '../middleware/publish-metrics.middleware';
import { traceHandler } from '../middleware/trace-handler.middleware';
import type { Observability } from '../observability/observability';

export interface ScheduleHandlerOptions<I extends z.ZodType> {
  readonly observability: Observability;
  /** The schedule's `Input` (functions.yaml `schedules`), as the function that created the schedule wrote it. */
  readonly inputSchema: I;
  /** Names the schedule group in logs. */
  readonly schedule: string;
}

export interface ScheduleHandlerInput<I extends z.ZodType> {
  readonly input: z.output<I>;
  readonly context: Context;
  /** The input's `correlationId` when it carries one, else the invocation's request id. */
  readonly correlationId: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export type ScheduleHandler = MiddyfiedHandler<unknown, void>;

/**
 * The Middy stack of an EventBridge Scheduler target: EventBridge Scheduler invokes it with the schedule's Input
 * as the event, as is. An input that does not match is thrown with the fields named, as any other failure is, so the
 * scheduler's retry policy and then its dead-letter queue keep it.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html
 */
export function scheduleHandler<I extends z.ZodType>(
  options: ScheduleHandlerOptions<I>,
  fn: (input: ScheduleHandlerInput<I>) => Promise<void>,
): ScheduleHandler {
  const { logger, metrics } = options.observability;
  return middy<unknown, void>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'correlationId', resetKeys: true }))
    .use(traceHandler(options.observability))
    .use(publishMetrics(metrics))
    .use({
      onError: (request) => {
        const error = request.error;
        logger.error(
          { message: 'Scheduled invocation failed', schedule: options.schedule },
          error instanceof Error ? error : String(error),
        );
      },
    })
    .handler(async function runScheduled(event: unknown, context: Context): Promise<void> {
      const parsed = options.inputSchema.safeParse(event);
      if (!parsed.success) throw new InvalidEventError(`${options.schedule} schedule`, toFieldErrors(parsed.error));
      const fromInput: unknown = (event as { correlationId?: unknown } | null)?.correlationId;
      const correlationId = typeof fromInput === 'string' && fromInput !== '' ? fromInput : context.awsRequestId;
      await fn({ input: parsed.data as z.output<I>, context, correlationId, logger, metrics });
    });
}
