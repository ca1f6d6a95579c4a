import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { toFieldErrors } from '@harbor/contracts';
import { InvalidEventError } from '../events/invalid-event.error';
import type { Observability } from '../observability/observability';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context, SNSEvent, SNSEventRecord } from 'aws-lambda';
import type { z } from 'zod';
import { publishMetrics } from '../middleware/publish-metrics.middleware';
import { traceHandler } from '../middleware/trace-handler.middleware';

export interface SnsMessageInput<S extends z.ZodType> {
  readonly message: z.output<S>;
  /** The message exactly as published (subscribers that verify a digest need the raw text). */
  readonly rawMessage: string;
  /** String values of the message attributes. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly record: SNSEventRecord;
  /** The `correlationId` attribute, else the SNS message id. */
  readonly correlationId: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

export interface SnsMessageHandlerOptions<S extends z.ZodType> {
  readonly observability: Observability;
  readonly messageSchema: S;
}

/**
 * The Middy stack of an SNS subscriber: the Powertools middleware every handler uses, then each record's message
 * parsed as JSON and validated. A message that does not match its schema throws InvalidEventError (logged), so
 * Lambda's asynchronous retries end in the subscription's dead-letter queue where it can be inspected.
 */
export function snsMessageHandler<S extends z.ZodType>(
  options: SnsMessageHandlerOptions<S>,
  fn: (input: SnsMessageInput<S>) => Promise<void>,
): MiddyfiedHandler<SNSEvent, void> {
  const { logger, metrics } = options.observability;
  return middy<SNSEvent, void>()
    .use(
      injectLambdaContext(logger, {
        correlationIdPath: 'Records[0].Sns.MessageAttributes.correlationId.Value',
        resetKeys: true,
      }),
    )
    .use(traceHandler(options.observability))
    .use(publishMetrics(metrics))
    .handler(async function runSubscriber(event: SNSEvent, _context: Context): Promise<void> {
      for (const record of event.Records) {
        const attributes = Object.fromEntries(
          Object.entries(record.Sns.MessageAttributes ?? {}).map(([name, attribute]) => [name, attribute.Value]),
        );
        const eventType = attributes['eventType'] ?? 'SNS message';
        let parsed: unknown;
        try {
          parsed = JSON.parse(record.Sns.Message);
        } catch {
          throw logged(
            logger,
            record,
            new InvalidEventError(eventType, [{ field: '(message)', message: '(message) is not JSON' }]),
          );
        }
        const result = options.messageSchema.safeParse(parsed);
        if (!result.success)
          throw logged(logger, record, new InvalidEventError(eventType, toFieldErrors(result.error)));
        const correlationId = attributes['correlationId'] || record.Sns.MessageId;
        await fn({
          message: result.data,
          rawMessage: record.Sns.Message,
          attributes,
          record,
          correlationId,
          logger,
          metrics,
        });
      }
    });
}

function logged(logger: Logger, record: SNSEventRecord, error: InvalidEventError): InvalidEventError {
  logger.error(
    { message: 'SNS message rejected', messageId: record.Sns.MessageId, topicArn: record.Sns.TopicArn },
    error,
  );
  return error;
}
